package com.flowmatik.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An operator's plan is a plan like a paid one: the account records it ({@code PlanChanged}), the
 * role and the daily limits follow, and the subscription view shows it as billed by no provider
 * ({@code manual}). Putting the user back on free ends it.
 */
class OperatorPlanIT extends IntegrationTest {

    @Test
    void anOperatorsPlanGivesItsRoleAndShowsAsAManualSubscription() {
        String token = api.register(uniqueEmail("operator-plan"), "operator-plan-password", "Mary");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();

        Response changed = putPlan(userId, "pro");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("role").asString()).isEqualTo("premium");
        assertThat(changed.json().path("plan").asString()).isEqualTo("pro");
        assertThat(eventTypesOf(userId))
                .containsSubsequence(
                        "com.flowmatik.api.identity.UserRegistered",
                        "com.flowmatik.api.identity.PlanChanged",
                        "com.flowmatik.api.identity.RoleChanged");
        assertThat(eventTypesOf("usage:" + userId)).contains("com.flowmatik.api.usage.DailyLimitsChanged");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode subscription = api.get("/api/payments/subscription", token).json();
            assertThat(subscription.path("plan").asString()).isEqualTo("pro");
            assertThat(subscription.path("status").asString()).isEqualTo("active");
            assertThat(subscription.path("provider").asString()).isEqualTo("manual");
        });
        assertThat(api.post("/api/payments/subscription/cancel", java.util.Map.of(), token)
                        .status())
                .as("no provider bills it, so there is nothing to cancel at one")
                .isEqualTo(409);

        Response back = putPlan(userId, "free");

        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().path("role").asString()).isEqualTo("user");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode subscription = api.get("/api/payments/subscription", token).json();
            assertThat(subscription.path("plan").asString()).isEqualTo("free");
            assertThat(subscription.path("status").asString()).isEqualTo("canceled");
        });
    }

    private Response putPlan(String userId, String plan) {
        return api.send(api.request("/api/admin/users/" + userId + "/plan", adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"" + plan + "\"}")));
    }
}
