package com.flowmatik.api.identity;

import java.util.Locale;

/** What a user may do: {@code premium} comes with a paid plan, {@code admin} runs the platform. */
public enum Role {
    USER,
    PREMIUM,
    ADMIN;

    /** The lower-case name the HTTP API and the tokens use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
