package com.flowmatik.api.webhook;

import java.util.Locale;

/**
 * Where a delivery stands: received and not yet processed; processed into payment commands; ignored
 * (a type the platform does not act on, acknowledged and kept); failed, waiting for a retry.
 */
public enum WebhookStatus {
    RECEIVED,
    PROCESSED,
    IGNORED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
