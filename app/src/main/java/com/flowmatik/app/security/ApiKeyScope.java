package com.flowmatik.app.security;

/**
 * Where an API key is a way in: the AI, usage and conversation endpoints, MCP, and who the key
 * belongs to. Every other endpoint, including any added later, refuses keys. Read by the key filter
 * and by the API document, so the two cannot disagree.
 */
public final class ApiKeyScope {

    /** The header a key may come in, besides {@code Authorization: Bearer fmk_…}. */
    public static final String HEADER = "X-API-Key";

    private ApiKeyScope() {}

    /** Whether a key may call {@code method path}. */
    public static boolean accepts(String method, String path) {
        return under(path, "/api/ai")
                || under(path, "/api/usage")
                || under(path, "/mcp")
                || ("GET".equalsIgnoreCase(method) && path.equals("/api/auth/me"));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
