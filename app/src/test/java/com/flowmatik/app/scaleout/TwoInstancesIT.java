package com.flowmatik.app.scaleout;

import static com.flowmatik.app.support.AtOnce.atOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api;
import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.PaymentHistory;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.TestSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances of the platform on one database, as behind a load balancer: the shared test
 * context and a second one started here. Whatever instance a request reaches, the outcome is the one
 * a single instance gives.
 */
class TwoInstancesIT extends IntegrationTest {

    private static ConfigurableApplicationContext other;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ApplicationContext applicationContext;

    private static Api otherApi;

    @BeforeAll
    static void startTheOtherInstance() {
        other = startAnotherInstance();
        otherApi = new Api(portOf(other));
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aFreeUsersChatsSentAtOnceToBothInstancesGetExactlyTheDailyLimit() throws Exception {
        String token = api.register(uniqueEmail("two"), "correct-horse-battery", "Two");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        AI.reply("Hello", 10, 5);
        int callsBefore = AI.chatCalls();

        // one user's requests queue for their usage account: give the last of 150 time to get through
        List<Response> answers = atOnce(150, i -> {
            Api instance = i % 2 == 0 ? api : otherApi;
            return instance.send(instance.request("/api/ai/chat", token)
                    .timeout(Duration.ofMinutes(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi " + i + "\"}")));
        });

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(100);
        assertThat(answers)
                .filteredOn(answer -> answer.status() == 429)
                .hasSize(50)
                .allSatisfy(refused ->
                        assertThat(refused.json().path("type").asString()).endsWith("/quota-exceeded"));
        assertThat(AI.chatCalls() - callsBefore).isEqualTo(100);
        List<String> events = eventTypesOf("usage:" + userId);
        assertThat(events)
                .filteredOn(type -> type.endsWith(".AiRequestStarted"))
                .hasSize(100);
        assertThat(events)
                .filteredOn(type -> type.endsWith(".AiRequestCompleted"))
                .hasSize(100);
        assertThat(events).filteredOn(type -> type.endsWith(".TokensCharged")).hasSize(100);
        assertThat(events)
                .filteredOn(type -> type.endsWith(".DailyQuotaExceeded"))
                .hasSize(50);
        for (Api instance : List.of(api, otherApi)) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
                Map<String, Object> today = Map.of(
                        "requests",
                                instance.get("/api/ai/usage", token)
                                        .json()
                                        .path("today")
                                        .path("requests")
                                        .asLong(),
                        "tokens",
                                instance.get("/api/ai/usage", token)
                                        .json()
                                        .path("today")
                                        .path("tokens")
                                        .asLong());
                assertThat(today).isEqualTo(Map.of("requests", 100L, "tokens", 1_500L));
            });
        }
        System.out.printf(
                "two instances, 150 chats of one user: %.0f + %.0f commands retried after a conflict%n",
                conflicts(meters), conflicts(other.getBean(MeterRegistry.class)));
        // every conflict was retried to an outcome, and the retries are visible in each instance's metrics
        for (MeterRegistry registry : List.of(meters, other.getBean(MeterRegistry.class))) {
            assertThat(registry.find("flowmatik.commands.conflicts").counter()).isNotNull();
            assertThat(registry.find("flowmatik.commands.conflicts.exhausted").counter())
                    .isNotNull()
                    .satisfies(exhausted -> assertThat(exhausted.count()).isZero());
        }
    }

    @Test
    void everySegmentOfEverySharedProcessorIsProcessedByExactlyOneInstance() {
        EventProcessingConfiguration here = applicationContext.getBean(EventProcessingConfiguration.class);
        EventProcessingConfiguration there = other.getBean(EventProcessingConfiguration.class);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (var processor : here.eventProcessors().entrySet()) {
                String name = processor.getKey();
                if (!(processor.getValue() instanceof StreamingEventProcessor) || name.equals("live")) {
                    continue; // in the publishing transaction, or each instance's own from memory: both see every event
                    // on purpose
                }
                Set<Integer> mine = segmentsOf(here, name);
                Set<Integer> theirs = segmentsOf(there, name);
                Set<Integer> all = new TreeSet<>(jdbc.queryForList(
                        "SELECT segment FROM token_entry WHERE processor_name = ?", Integer.class, name));
                assertThat(all).as("segments of %s in the token store", name).isNotEmpty();
                assertThat(Collections.disjoint(mine, theirs))
                        .as("segments of %s claimed by both instances: %s and %s", name, mine, theirs)
                        .isTrue();
                Set<Integer> claimed = new TreeSet<>(mine);
                claimed.addAll(theirs);
                assertThat(claimed)
                        .as("segments of %s processed by one instance or the other", name)
                        .isEqualTo(all);
            }
        });
    }

    @Test
    void bothInstancesAnswerTheSameDashboardAndInvoices() {
        String token = api.register(uniqueEmail("same"), "correct-horse-battery", "Same");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        PaymentHistory.stripeStarter(otherApi, Instant.now(), userId);
        String admin = adminToken();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            Response invoicesHere = api.get("/api/payments/invoices", token);
            assertThat(invoicesHere.json().size()).isPositive();
            assertThat(otherApi.get("/api/payments/invoices", token).json()).isEqualTo(invoicesHere.json());
        });
        awaitReadModelsCaughtUp();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            ObjectNode there =
                    (ObjectNode) otherApi.get("/api/admin/dashboard", admin).json();
            ObjectNode here =
                    (ObjectNode) api.get("/api/admin/dashboard", admin).json();
            there.remove("asOf"); // the instant each answer was made
            here.remove("asOf");
            assertThat(there.path("users").asLong()).isPositive();
            assertThat(there).isEqualTo(here);
        });
    }

    private static Set<Integer> segmentsOf(EventProcessingConfiguration processing, String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .map(processor -> (Set<Integer>)
                        new TreeSet<>(processor.processingStatus().keySet()))
                .orElse(Set.of());
    }

    @Test
    void theSameWebhookDeliveredToBothInstancesAtOnceHasExactlyOneEffect() throws Exception {
        String token = api.register(uniqueEmail("hook"), "correct-horse-battery", "Hook");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String eventId = "evt_" + suffix;
        Instant now = Instant.now();
        String body = ProviderEvents.stripeSubscription(
                eventId,
                "customer.subscription.created",
                now,
                userId,
                "sub_" + suffix,
                "cus_" + suffix,
                TestSecrets.STRIPE_PRICE_STARTER,
                "active",
                now.plus(Duration.ofDays(30)),
                false);

        List<Response> answers =
                atOnce(6, i -> ProviderEvents.deliverToStripeWebhook(i % 2 == 0 ? api : otherApi, body, Instant.now()));

        assertThat(answers).extracting(Response::status).containsOnly(200);
        assertThat(answers)
                .filteredOn(answer -> !answer.json().path("duplicate").asBoolean())
                .hasSize(1);
        assertThat(eventTypesOf("stripe:" + eventId))
                .containsExactly(
                        "com.flowmatik.api.webhook.WebhookReceived", "com.flowmatik.api.webhook.WebhookProcessed");
        assertThat(eventTypesOf("subscription:" + userId))
                .containsExactly("com.flowmatik.api.payment.SubscriptionStarted");
        for (Api instance : List.of(api, otherApi)) {
            await().atMost(Duration.ofSeconds(20))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(instance.get("/api/payments/subscription", token)
                                    .json()
                                    .path("plan")
                                    .asString())
                            .isEqualTo("starter"));
        }
    }

    @Test
    void oneUsersSubscribeCallsToBothInstancesAtOnceOpenOneCheckout() throws Exception {
        double conflictsBefore = conflicts(meters) + conflicts(other.getBean(MeterRegistry.class));
        for (int round = 0; round < 5; round++) {
            String token = api.register(uniqueEmail("checkout"), "correct-horse-battery", "Checkout");
            String userId = api.get("/api/auth/me", token).json().path("id").asString();
            // a first attempt Stripe failed: both instances now race to append the subscription's next event
            STRIPE.failNext(500);
            assertThat(subscribe(api, token).status()).isEqualTo(502);

            List<Response> answers = atOnce(2, i -> subscribe(i == 0 ? api : otherApi, token));

            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
            assertThat(answers)
                    .filteredOn(answer -> answer.status() == 409)
                    .singleElement()
                    .satisfies(refused ->
                            assertThat(refused.json().path("type").asString()).endsWith("/checkout-pending"));
            assertThat(STRIPE.received("/v1/checkout/sessions"))
                    .filteredOn(session -> userId.equals(session.param("client_reference_id")))
                    .hasSize(1);
            assertThat(eventTypesOf("subscription:" + userId))
                    .containsExactly(
                            "com.flowmatik.api.payment.CheckoutBegun",
                            "com.flowmatik.api.payment.CheckoutAbandoned",
                            "com.flowmatik.api.payment.CheckoutBegun");
        }
        System.out.printf(
                "two instances, 5 rounds of two subscribe calls: %.0f commands retried after a conflict%n",
                conflicts(meters) + conflicts(other.getBean(MeterRegistry.class)) - conflictsBefore);
    }

    private static Response subscribe(Api instance, String token) {
        return instance.post("/api/payments/subscribe/stripe", Map.of("plan", "pro"), token);
    }

    @Test
    void aUserSignedUpOnOneInstanceChatsOnTheOtherAndBothShowTheSameUsage() {
        String token = otherApi.register(uniqueEmail("across"), "correct-horse-battery", "Across");
        AI.reply("Hi", 7, 3);

        assertThat(api.post("/api/ai/chat", Map.of("message", "one"), token).status())
                .isEqualTo(200);
        assertThat(otherApi.post("/api/ai/chat", Map.of("message", "two"), token)
                        .status())
                .isEqualTo(200);

        for (Api instance : List.of(api, otherApi)) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
                Response usage = instance.get("/api/ai/usage", token);
                assertThat(usage.json().path("today").path("requests").asLong()).isEqualTo(2);
                assertThat(usage.json().path("today").path("tokens").asLong()).isEqualTo(20);
            });
        }
    }

    @Test
    void aReplayStartedOnOneInstanceRebuildsTheProjectionWhileTheOtherServes() {
        String token = api.register(uniqueEmail("replay"), "correct-horse-battery", "Replay");
        AI.reply("Hi", 4, 2);
        for (int i = 0; i < 2; i++) {
            assertThat(otherApi.post("/api/ai/chat", Map.of("message", "before " + i), token)
                            .status())
                    .isEqualTo(200);
        }
        String admin = adminToken();

        Response started = api.post("/api/admin/replay/usage", Map.of(), admin);
        assertThat(started.status()).isEqualTo(202);
        String replayId = started.json().path("replayId").asString();
        for (int i = 0; i < 3; i++) {
            assertThat(otherApi.post("/api/ai/chat", Map.of("message", "during " + i), token)
                            .status())
                    .isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.get("/api/admin/replay/" + replayId, admin)
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("done"));
        for (Api instance : List.of(api, otherApi)) {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
                Response usage = instance.get("/api/ai/usage", token);
                assertThat(usage.json().path("today").path("requests").asLong()).isEqualTo(5);
                assertThat(usage.json().path("today").path("tokens").asLong()).isEqualTo(30);
            });
        }
    }

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedOnTheOtherWithinASecond() {
        String token = api.register(uniqueEmail("key-across"), "correct-horse-battery", "Keys");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        Response upgraded = api.send(api.request("/api/admin/users/" + userId + "/plan", adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"starter\"}")));
        assertThat(upgraded.status()).isEqualTo(200);
        Response made = api.post("/api/auth/api-keys", Map.of("name", "across"), token);
        assertThat(made.status()).isEqualTo(201);
        String key = made.json().path("key").asString();
        com.flowmatik.app.support.SuiteLogs.secretUsed(key);
        // the other instance knows the key at once (from the lookup table) and keeps it in memory
        assertThat(otherApi.get("/api/ai/usage", key).status()).isEqualTo(200);

        assertThat(api.delete("/api/auth/api-keys/" + made.json().path("id").asString(), token)
                        .status())
                .isEqualTo(204);
        long revokedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() ->
                        assertThat(otherApi.get("/api/ai/usage", key).status()).isEqualTo(401));
        System.out.printf(
                "A key revoked on one instance was refused on the other after %d ms%n",
                (System.nanoTime() - revokedAt) / 1_000_000);
    }

    /** Commands an instance retried after losing a race to their aggregate. */
    private static double conflicts(MeterRegistry meters) {
        var counter = meters.find("flowmatik.commands.conflicts").counter();
        return counter == null ? 0 : counter.count();
    }
}
