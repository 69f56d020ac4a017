package com.flowmatik.app.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the web edge.
 *
 * @param maxBodySize the largest request body accepted ({@code FLOWMATIK_MAX_BODY_SIZE}); larger ones get 413
 * @param corsOrigins origins a browser may call the API from ({@code CORS_ORIGINS}, comma-separated)
 */
@ConfigurationProperties("flowmatik.web")
public record WebProperties(DataSize maxBodySize, List<String> corsOrigins) {

    public WebProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        corsOrigins = corsOrigins == null
                ? List.of()
                : corsOrigins.stream()
                        .map(String::trim)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
        if (corsOrigins.contains("*")) {
            throw new IllegalArgumentException("CORS_ORIGINS must list origins; '*' would let any site call the API");
        }
    }
}
