package com.flowmatik.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.PaymentHistory;
import com.flowmatik.app.support.ReadModelTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A projection that is handed events it has already taken in (a batch retried after a crash, a
 * redelivery) keeps the rows it had: every projection group, every table, compared whole.
 */
class RedeliveryIT extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore events;

    @Autowired
    TransactionManager transactions;

    @Test
    void everyProjectionHandedItsEventsAgainKeepsItsRows() throws Exception {
        long before = eventStreamHead();
        String token = api.register(uniqueEmail("again"), "correct-horse-battery", "Again");
        AI.reply("Hello", 9, 4);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/ai/chat", Map.of("message", "again " + i), token)
                            .status())
                    .isEqualTo(200);
        }
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        PaymentHistory.stripeStarter(api, CLOCK.instant(), userId);
        // the rest of a user's life: a failed provider call, a renamed and a deleted conversation,
        // usage recorded from elsewhere, a new password, a role change and a deactivation
        AI.failWith(500);
        assertThat(api.post("/api/ai/chat", Map.of("message", "fails"), token).status())
                .isGreaterThanOrEqualTo(500);
        AI.reset();
        AI.reply("Hello", 9, 4);
        String kept = api.post("/api/ai/chat", Map.of("message", "kept"), token)
                .json()
                .path("conversationId")
                .asString();
        String gone = api.post("/api/ai/chat", Map.of("message", "gone"), token)
                .json()
                .path("conversationId")
                .asString();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                api.patch("/api/ai/conversations/" + kept, Map.of("title", "Kept"), token)
                                        .status())
                        .isEqualTo(200));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.delete("/api/ai/conversations/" + gone, token)
                                .status())
                        .isEqualTo(204));
        assertThat(api.post(
                                "/api/usage/events",
                                Map.of(
                                        "events",
                                        List.of(Map.of(
                                                "id",
                                                "again-" + userId,
                                                "model",
                                                "deepseek-ai/DeepSeek-V3",
                                                "promptTokens",
                                                100,
                                                "completionTokens",
                                                50))),
                                token)
                        .json()
                        .path("accepted")
                        .asInt())
                .isEqualTo(1);
        // an API key made and revoked (the starter plan of the payment above allows keys, once the saga applied it)
        String keyId = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.post("/api/auth/api-keys", Map.of("name", "CI"), token), made -> made.status() == 201)
                .json()
                .path("id")
                .asString();
        assertThat(api.delete("/api/auth/api-keys/" + keyId, token).status()).isEqualTo(204);
        assertThat(api.post(
                                "/api/auth/change-password",
                                Map.of(
                                        "currentPassword",
                                        "correct-horse-battery",
                                        "newPassword",
                                        "another-horse-battery"),
                                token)
                        .status())
                .isLessThan(300);
        String admin = adminToken();
        assertThat(api.put("/api/admin/users/" + userId + "/role", Map.of("role", "admin"), admin)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/admin/users/" + userId + "/deactivate", Map.of(), admin)
                        .status())
                .isLessThan(300);
        long after = eventStreamHead();
        awaitReadModelsCaughtUp();
        Map<String, List<Map<String, Object>>> once = ReadModelTables.of(jdbc);

        List<TrackedEventMessage<?>> delivered = eventsBetween(before, after);
        assertThat(delivered).isNotEmpty();
        for (String group : projectionGroups()) {
            EventHandlerInvoker invoker = processing
                    .eventProcessor(group, AbstractEventProcessor.class)
                    .orElseThrow()
                    .eventHandlerInvoker();
            for (TrackedEventMessage<?> event : delivered) {
                if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                    transactions.executeInTransaction(() -> DefaultUnitOfWork.startAndGet(event)
                            .execute(() -> {
                                try {
                                    invoker.handle(event, Segment.ROOT_SEGMENT);
                                } catch (Exception failure) {
                                    throw new IllegalStateException(
                                            group + " could not take " + event.getPayloadType(), failure);
                                }
                            }));
                }
            }
        }

        Map<String, List<Map<String, Object>>> twice = ReadModelTables.of(jdbc);
        assertThat(ReadModelTables.differences(once, twice)).isEmpty();
    }

    /** The groups that build read models: not the sagas, not the per-instance live processor. */
    private List<String> projectionGroups() {
        List<String> sagas = processing.sagaConfigurations().stream()
                .map(saga -> saga.processingGroup())
                .toList();
        List<String> groups = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor && !sagas.contains(name) && !name.equals("live")) {
                groups.add(name);
            }
        });
        assertThat(groups).contains("usage", "users", "conversations", "admin-metrics");
        return groups;
    }

    private List<TrackedEventMessage<?>> eventsBetween(long after, long upTo) throws InterruptedException {
        List<TrackedEventMessage<?>> found = new ArrayList<>();
        TrackingToken start = after < 0 ? null : GapAwareTrackingToken.newInstance(after, List.of());
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(start)) {
            while (stream.hasNextAvailable(2, java.util.concurrent.TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event.trackingToken().position().orElse(Long.MAX_VALUE) > upTo) {
                    break;
                }
                found.add(event);
            }
        }
        return found;
    }
}
