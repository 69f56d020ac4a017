package com.flowmatik.api.payment;

import java.util.Locale;

/** Who takes the money; {@link #MANUAL} for a plan an operator gave, which no provider bills. */
public enum PaymentProvider {
    STRIPE,
    LEMONSQUEEZY,
    MANUAL;

    /** The lower-case name the HTTP API and the webhook paths use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentProvider fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
