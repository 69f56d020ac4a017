package com.flowmatik.api.payment;

import java.util.Locale;

/** Who takes the money. */
public enum PaymentProvider {
    STRIPE,
    LEMONSQUEEZY;

    /** The lower-case name the HTTP API and the webhook paths use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentProvider fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
