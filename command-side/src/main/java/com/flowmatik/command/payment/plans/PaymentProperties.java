package com.flowmatik.command.payment.plans;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plans on sale and how each provider sells them ({@code flowmatik.payments}). A provider
 * without its API key cannot take subscriptions; without its webhook secret it cannot be heard.
 *
 * @param plans every plan with its price and features, in the order they are shown
 * @param successUrl where the provider's checkout sends the user after paying ({@code PAYMENTS_SUCCESS_URL})
 * @param cancelUrl where the provider's checkout sends a user who gave up ({@code PAYMENTS_CANCEL_URL})
 */
@ConfigurationProperties("flowmatik.payments")
public record PaymentProperties(
        List<PlanOffer> plans, Stripe stripe, LemonSqueezy lemonsqueezy, String successUrl, String cancelUrl) {

    public PaymentProperties {
        plans = plans == null ? List.of() : List.copyOf(plans);
        stripe = stripe == null ? new Stripe(null, null, null, null, null) : stripe;
        lemonsqueezy = lemonsqueezy == null ? new LemonSqueezy(null, null, null, null, null) : lemonsqueezy;
        successUrl = blankToDefault(successUrl, "http://localhost:3000/billing?checkout=success");
        cancelUrl = blankToDefault(cancelUrl, "http://localhost:3000/billing?checkout=canceled");
    }

    /**
     * A plan as it is sold.
     *
     * @param id the plan's wire name: free, starter, pro or business
     * @param priceCents the monthly price in cents of {@code currency}
     */
    public record PlanOffer(String id, String name, long priceCents, String currency, List<String> features) {

        public PlanOffer {
            currency = blankToDefault(currency, "usd");
            features = features == null ? List.of() : List.copyOf(features);
        }
    }

    /**
     * Stripe ({@code flowmatik.payments.stripe}).
     *
     * @param secretKey the API secret key ({@code STRIPE_SECRET_KEY})
     * @param webhookSecret the endpoint's signing secret, {@code whsec_…} ({@code STRIPE_WEBHOOK_SECRET})
     * @param apiBase the API's base URL, a stand-in's in tests ({@code STRIPE_API_BASE})
     * @param webhookTolerance how old a signed timestamp may be
     * @param prices the price id of each paid plan, by plan id ({@code STRIPE_PRICE_STARTER|PRO|BUSINESS})
     */
    public record Stripe(
            String secretKey,
            String webhookSecret,
            String apiBase,
            Duration webhookTolerance,
            Map<String, String> prices) {

        public Stripe {
            secretKey = blankToNull(secretKey);
            webhookSecret = blankToNull(webhookSecret);
            apiBase = blankToDefault(apiBase, "https://api.stripe.com");
            webhookTolerance = webhookTolerance == null ? Duration.ofSeconds(300) : webhookTolerance;
            prices = withoutBlanks(prices);
        }
    }

    /**
     * LemonSqueezy ({@code flowmatik.payments.lemonsqueezy}).
     *
     * @param apiKey the API key ({@code LEMONSQUEEZY_API_KEY})
     * @param webhookSecret the signing secret of the webhook ({@code LEMONSQUEEZY_WEBHOOK_SECRET})
     * @param apiUrl the API's base URL, up to and including {@code /v1} ({@code LEMONSQUEEZY_API_URL})
     * @param storeId the store that sells the plans ({@code LEMONSQUEEZY_STORE_ID})
     * @param variants the variant id of each paid plan, by plan id ({@code LEMONSQUEEZY_VARIANT_STARTER|PRO|BUSINESS})
     */
    public record LemonSqueezy(
            String apiKey, String webhookSecret, String apiUrl, String storeId, Map<String, String> variants) {

        public LemonSqueezy {
            apiKey = blankToNull(apiKey);
            webhookSecret = blankToNull(webhookSecret);
            apiUrl = blankToDefault(apiUrl, "https://api.lemonsqueezy.com/v1");
            storeId = blankToNull(storeId);
            variants = withoutBlanks(variants);
        }
    }

    private static Map<String, String> withoutBlanks(Map<String, String> ids) {
        if (ids == null) {
            return Map.of();
        }
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
        ids.forEach((plan, id) -> {
            if (id != null && !id.isBlank()) {
                kept.put(plan, id.trim());
            }
        });
        return Map.copyOf(kept);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
