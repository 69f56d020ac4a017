package com.flowmatik.app.web;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The security headers of every answer. Spring Security's filter chain sets them; answers written
 * before it runs or outside it (firewall refusals, WebSocket handshakes, container errors) set them
 * from here, so no answer goes without.
 */
public final class SecurityHeaders {

    /** Scripts and styles from this origin only (the OpenAPI UI needs its own styles inline); no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Referrer-Policy", "no-referrer");

    private SecurityHeaders() {}

    static void set(BiConsumer<String, String> header) {
        HEADERS.forEach(header);
    }
}
