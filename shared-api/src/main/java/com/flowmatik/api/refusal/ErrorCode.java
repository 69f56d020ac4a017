package com.flowmatik.api.refusal;

import java.util.Locale;

/**
 * Why the platform refused a command. Each code has a stable slug: the last segment of the problem
 * type that clients switch on.
 */
public enum ErrorCode {
    VALIDATION,
    EMAIL_TAKEN,
    NOT_FOUND,
    INVALID_RESET_TOKEN,
    ACCOUNT_DEACTIVATED;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
