package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.command.payment.plans.PaymentProperties;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * LemonSqueezy through its JSON:API at the configured URL (a stand-in's in tests). A checkout
 * carries the user id as custom data, which LemonSqueezy hands back in every webhook of the
 * subscription as {@code meta.custom_data.user_id}. LemonSqueezy has no idempotency keys: a failed
 * checkout is simply asked for again; nothing is charged until the user pays.
 */
@Component
class LemonSqueezyGateway {

    static final MediaType JSON_API = MediaType.parseMediaType("application/vnd.api+json");
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(LemonSqueezyGateway.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PaymentProperties.LemonSqueezy settings;
    private final String redirectUrl;
    private final RestClient client;

    LemonSqueezyGateway(PaymentProperties properties) {
        this.settings = properties.lemonsqueezy();
        this.redirectUrl = properties.successUrl();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build());
        requests.setReadTimeout(READ_TIMEOUT);
        this.client = settings.apiKey() == null
                ? null
                : RestClient.builder()
                        .baseUrl(settings.apiUrl())
                        .requestFactory(requests)
                        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey())
                        .defaultHeader(HttpHeaders.ACCEPT, JSON_API.toString())
                        .build();
    }

    /** Refuses with 503 unless the API key and the store are configured. */
    void requireConfigured() {
        client();
    }

    /** A checkout of the variant in the configured store, for this payer, payable until {@code expiresAt}. */
    StartedCheckout startCheckout(String variantId, Payer payer, Instant expiresAt) {
        ObjectNode checkoutData = NODES.objectNode();
        if (payer.email() != null) {
            checkoutData.put("email", payer.email());
        }
        if (payer.name() != null) {
            checkoutData.put("name", payer.name());
        }
        checkoutData.putObject("custom").put(Payer.USER_ID, payer.userId().value());
        ObjectNode body = NODES.objectNode();
        ObjectNode data = body.putObject("data");
        data.put("type", "checkouts");
        ObjectNode attributes = data.putObject("attributes");
        attributes.set("checkout_data", checkoutData);
        attributes.putObject("product_options").put("redirect_url", redirectUrl);
        // whole seconds, rounded down: the checkout never outlives the pending one
        attributes.put("expires_at", expiresAt.truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode relationships = data.putObject("relationships");
        relationships.putObject("store").putObject("data").put("type", "stores").put("id", settings.storeId());
        relationships
                .putObject("variant")
                .putObject("data")
                .put("type", "variants")
                .put("id", variantId);

        JsonNode answer = call(
                "create a checkout",
                () -> client().post()
                        .uri("/checkouts")
                        .contentType(JSON_API)
                        .body(body)
                        .retrieve()
                        .body(JsonNode.class));
        String url = answer == null
                ? null
                : answer.path("data").path("attributes").path("url").asString(null);
        if (url == null || url.isBlank()) {
            throw new PaymentProviderFailed(
                    PaymentProvider.LEMONSQUEEZY, "LemonSqueezy's checkout came without a URL", 0, null);
        }
        return StartedCheckout.lemonSqueezy(url);
    }

    /** LemonSqueezy keeps a canceled subscription, and the plan, until the end of the paid period. */
    void cancel(String subscriptionId) {
        call(
                "cancel the subscription",
                () -> client().delete()
                        .uri("/subscriptions/{id}", subscriptionId)
                        .retrieve()
                        .toBodilessEntity());
    }

    private RestClient client() {
        if (client == null || settings.storeId() == null) {
            throw new PaymentProviderUnavailable(
                    PaymentProvider.LEMONSQUEEZY,
                    "LemonSqueezy is not configured on this platform (LEMONSQUEEZY_API_KEY, LEMONSQUEEZY_STORE_ID)",
                    null);
        }
        return client;
    }

    private interface LemonSqueezyCall<T> {
        T run();
    }

    /** LemonSqueezy's failures as the platform's: unreachable is 503, anything else it answered or broke is 502. */
    private static <T> T call(String what, LemonSqueezyCall<T> call) {
        try {
            return call.run();
        } catch (PaymentProviderException notConfigured) {
            throw notConfigured;
        } catch (RestClientResponseException answered) {
            int status = answered.getStatusCode().value();
            String body = answered.getResponseBodyAsString();
            log.warn(
                    "LemonSqueezy refused to {}: {} {}",
                    what,
                    status,
                    body.length() > 500 ? body.substring(0, 500) : body);
            throw new PaymentProviderFailed(
                    PaymentProvider.LEMONSQUEEZY,
                    "LemonSqueezy answered " + status + " when asked to " + what,
                    status,
                    answered);
        } catch (ResourceAccessException unanswered) {
            log.warn("LemonSqueezy did not answer to {}: {}", what, unanswered.getMessage());
            if (causedBy(unanswered, ConnectException.class)) {
                throw new PaymentProviderUnavailable(
                        PaymentProvider.LEMONSQUEEZY, "LemonSqueezy cannot be reached to " + what, unanswered);
            }
            throw new PaymentProviderFailed(
                    PaymentProvider.LEMONSQUEEZY, "LemonSqueezy did not answer in time to " + what, 0, unanswered);
        } catch (RestClientException unusable) {
            log.warn("LemonSqueezy's answer to {} could not be used: {}", what, unusable.getMessage());
            throw new PaymentProviderFailed(
                    PaymentProvider.LEMONSQUEEZY,
                    "LemonSqueezy gave an unusable answer when asked to " + what,
                    0,
                    unusable);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
