package com.flowmatik.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the web edge.
 *
 * @param maxBodySize the largest request body accepted ({@code FLOWMATIK_MAX_BODY_SIZE}); larger ones get 413
 */
@ConfigurationProperties("flowmatik.web")
public record WebProperties(DataSize maxBodySize) {

    public WebProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    }
}
