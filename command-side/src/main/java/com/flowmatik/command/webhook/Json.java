package com.flowmatik.command.webhook;

import com.flowmatik.api.payment.Money;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the providers' JSON, where any field may be missing or null. */
final class Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Json() {}

    /** A delivery's body; one that is not JSON is not a provider's event. */
    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            throw InvalidWebhook.payload("The body is not JSON");
        }
    }

    static Instant firstInstant(Instant preferred, Instant fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** The text of a field, or {@code null} when it is missing or null. */
    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    /** The first present text of the given fields. */
    static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            String text = text(node);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** A Unix timestamp in seconds (Stripe), or {@code null}. */
    static Instant epochSeconds(JsonNode node) {
        return node == null || !node.isNumber() ? null : Instant.ofEpochSecond(node.asLong());
    }

    /** An ISO-8601 instant (LemonSqueezy), or {@code null}. */
    static Instant isoInstant(JsonNode node) {
        String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    /**
     * An amount of money: an integer of minor units and a currency, both required. A missing amount is
     * never 0 and a missing currency never a default: the delivery is refused as an invalid payload.
     */
    static Money money(JsonNode amount, String currency, String what) {
        if (amount == null || !amount.isIntegralNumber()) {
            throw InvalidWebhook.payload(what + ": the amount is missing or not an integer of minor units");
        }
        if (currency == null || currency.isBlank()) {
            throw InvalidWebhook.payload(what + ": the currency is missing");
        }
        return new Money(amount.asLong(), currency);
    }

    static long longValue(JsonNode node, long fallback) {
        return node == null || !node.isNumber() ? fallback : node.asLong();
    }
}
