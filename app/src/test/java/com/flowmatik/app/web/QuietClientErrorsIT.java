package com.flowmatik.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.TestSecrets;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A client's mistake is the client's: answered, and logged at most at INFO without a stack trace.
 * Each request carries its own X-Request-Id, and the platform's recent log lines of that request
 * ({@code GET /api/admin/logs}) hold no WARN or ERROR.
 */
class QuietClientErrorsIT extends IntegrationTest {

    @Test
    void anUnknownConversationIsA404AndNoWarning() {
        String token = api.register(uniqueEmail("quiet"), "quiet-password", "Quiet");
        String chat = UUID.randomUUID().toString();
        String delete = UUID.randomUUID().toString();

        Response chatted = api.send(api.request("/api/ai/chat", token)
                .header("X-Request-Id", chat)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"message\":\"Hi\",\"conversationId\":\"no-such-conversation\"}")));
        Response deleted = api.send(api.request("/api/ai/conversations/no-such-conversation", token)
                .header("X-Request-Id", delete)
                .DELETE());

        assertThat(chatted.status()).isEqualTo(404);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(warningsOf(chat)).isEmpty();
        assertThat(warningsOf(delete)).isEmpty();
    }

    @Test
    void aDuplicateWebhookIsAcknowledgedWithoutAWarning() {
        String token = api.register(uniqueEmail("quiet-webhook"), "quiet-password", "Quiet");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        String body = ProviderEvents.stripeSubscription(
                "evt_quiet_" + UUID.randomUUID(),
                "customer.subscription.created",
                CLOCK.instant(),
                userId,
                "sub_quiet_" + userId,
                "cus_quiet_" + userId,
                TestSecrets.STRIPE_PRICE_PRO,
                "active",
                CLOCK.instant().plus(Duration.ofDays(30)),
                false);
        String signature = ProviderEvents.stripeSignature(body, CLOCK.instant(), TestSecrets.STRIPE_WEBHOOK_SECRET);
        assertThat(deliver(body, signature, UUID.randomUUID().toString())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("processed");
        String again = UUID.randomUUID().toString();

        Response duplicate = deliver(body, signature, again);

        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.json().path("duplicate").asBoolean()).isTrue();
        assertThat(warningsOf(again)).isEmpty();
    }

    private Response deliver(String body, String signature, String requestId) {
        return api.send(api.request("/api/webhooks/stripe", null)
                .header("X-Request-Id", requestId)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode warningsOf(String requestId) {
        Response logs = api.get("/api/admin/logs?level=warn&requestId=" + requestId, adminToken());
        assertThat(logs.status()).isEqualTo(200);
        return logs.json().path("lines");
    }
}
