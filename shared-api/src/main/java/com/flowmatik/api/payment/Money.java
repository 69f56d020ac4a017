package com.flowmatik.api.payment;

import java.util.Locale;
import java.util.Objects;

/**
 * An amount in the currency's minor unit (cents for USD), never a floating-point number.
 *
 * @param amount minor units, negative for credits
 * @param currency ISO 4217 code, lower case as the providers send it
 */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        currency = currency.toLowerCase(Locale.ROOT);
    }

    public static Money usd(long cents) {
        return new Money(cents, "usd");
    }
}
