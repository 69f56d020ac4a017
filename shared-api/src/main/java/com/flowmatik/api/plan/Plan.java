package com.flowmatik.api.plan;

import java.util.Locale;

/** The plans of the product. Every new user starts on {@link #FREE}. */
public enum Plan {
    FREE,
    STARTER,
    PRO,
    BUSINESS;

    /** The lower-case name the HTTP API uses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
