package com.flowmatik.app.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.StartAiRequest;
import com.flowmatik.app.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A request whose instance died mid-call does not stay open, nor count against the day, for ever. */
class AbandonedRequestsIT extends IntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    AbandonedRequests abandoned;

    @Test
    void aRequestWithoutAnOutcomeForTenMinutesIsClosedAndGivesItsPlaceBack() {
        String token = api.register(uniqueEmail("orphan"), "correct-horse-battery", "Orphan");
        UserId user = UserId.of(api.get("/api/auth/me", token).json().path("id").asString());
        String requestId = UUID.randomUUID().toString();
        // what a crashed instance leaves: the quota taken, the provider never answered
        QuotaDecision decision = commands.sendAndWait(new StartAiRequest(
                user, requestId, null, RequestKind.CHAT, "deepseek-ai/DeepSeek-V3", CLOCK.instant()));
        assertThat(decision.allowed()).isTrue();
        awaitRequestsToday(token, 1);

        CLOCK.advance(Duration.ofMinutes(9));
        abandoned.closeAbandoned();
        assertThat(eventTypesOf("usage:" + user.value())).last().isEqualTo("com.flowmatik.api.usage.AiRequestStarted");

        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(abandoned.closeAbandoned()).isPositive();

        assertThat(eventTypesOf("usage:" + user.value()))
                .containsExactly(
                        "com.flowmatik.api.usage.AiRequestStarted",
                        "com.flowmatik.api.usage.AiRequestFailed",
                        "com.flowmatik.api.usage.AiRequestNotServed");
        awaitRequestsToday(token, 0);
        assertThat(abandoned.closeAbandoned()).as("closed once").isZero();
    }

    private void awaitRequestsToday(String token, long requests) {
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(api.get("/api/ai/usage", token)
                                .json()
                                .path("today")
                                .path("requests")
                                .asLong())
                        .isEqualTo(requests));
    }
}
