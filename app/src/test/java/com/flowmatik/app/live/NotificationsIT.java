package com.flowmatik.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.flowmatik.app.redis.RedisKeys;
import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.TestMode;
import com.flowmatik.app.support.TestSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws}: each user hears of their own quota, subscription and the operators' broadcasts, on
 * every tab; nobody hears of anyone else's; admins can follow the dashboard.
 */
class NotificationsIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ObjectProvider<StringRedisTemplate> redis;

    @Autowired
    RedisKeys redisKeys;

    @Test
    void aUserIsWarnedAt80PercentAndToldAt100PercentOfTheirTokensOnEveryTabAndNobodyElseIs() throws Exception {
        User ann = user("ann-quota");
        User bob = user("bob-quota");
        LiveClient annTab = LiveClient.connect(port, ann.token);
        LiveClient annOtherTab = LiveClient.connectWithHeader(port, ann.token);
        LiveClient bobTab = LiveClient.connect(port, bob.token);

        AI.reply("A long answer", 30_000, 11_000);
        assertThat(api.post("/api/ai/chat", Map.of("message", "Write a lot"), ann.token)
                        .status())
                .isEqualTo(200);

        for (LiveClient tab : new LiveClient[] {annTab, annOtherTab}) {
            JsonNode warning = tab.nextNotification();
            assertThat(warning.path("kind").asString()).isEqualTo("quota-warning");
            assertThat(warning.path("title").asString()).isNotBlank();
            assertThat(warning.path("message").asString()).contains("41000").contains("50000");
            assertThat(warning.path("data").path("limit").asString()).isEqualTo("tokens");
            assertThat(warning.path("data").path("used").asLong()).isEqualTo(41_000);
            assertThat(warning.path("data").path("limitValue").asLong()).isEqualTo(50_000);
            assertThat(warning.path("at").asString()).isNotBlank();
        }

        AI.reply("Some more", 4_000, 1_000);
        assertThat(api.post("/api/ai/chat", Map.of("message", "A little more"), ann.token)
                        .status())
                .isEqualTo(200);
        AI.reply("And more", 4_000, 1_000);
        assertThat(api.post("/api/ai/chat", Map.of("message", "And more"), ann.token)
                        .status())
                .isEqualTo(200);

        JsonNode reached = annTab.nextNotification();
        assertThat(reached.path("kind").asString()).isEqualTo("quota-reached");
        assertThat(reached.path("data").path("limit").asString()).isEqualTo("tokens");
        assertThat(reached.path("data").path("used").asLong()).isEqualTo(51_000);
        assertThat(annOtherTab.nextNotification().path("kind").asString()).isEqualTo("quota-reached");

        assertThat(api.post("/api/ai/chat", Map.of("message", "Over the limit"), ann.token)
                        .status())
                .isEqualTo(429);
        assertThat(annTab.notificationsWithin(Duration.ofSeconds(2)))
                .as("a refused request does not repeat the notice")
                .isEmpty();

        broadcast("Just for Bob", "user:" + bob.id);
        JsonNode bobsFirst = bobTab.nextNotification();
        assertThat(bobsFirst.path("kind").asString())
                .as("Bob heard nothing of Ann's quota")
                .isEqualTo("broadcast");
        assertThat(bobsFirst.path("title").asString()).isEqualTo("Just for Bob");
        annTab.close();
        annOtherTab.close();
        bobTab.close();
    }

    @Test
    void usageRecordedThroughTheIngestWarnsAt80PercentAndTellsAt100PercentOfTheRequestsOnce() throws Exception {
        User hal = user("hal-ingests");
        LiveClient tab = LiveClient.connect(port, hal.token);

        ingest(hal, "a-", 79);
        ingest(hal, "b-", 1);

        JsonNode warning = tab.nextNotification();
        assertThat(warning.path("kind").asString()).isEqualTo("quota-warning");
        assertThat(warning.path("message").asString()).contains("80 of your 100 requests");
        assertThat(warning.path("data").path("limit").asString()).isEqualTo("requests");
        assertThat(warning.path("data").path("percent").asInt()).isEqualTo(80);
        assertThat(warning.path("data").path("used").asLong()).isEqualTo(80);
        assertThat(warning.path("data").path("limitValue").asLong()).isEqualTo(100);

        ingest(hal, "c-", 10);
        ingest(hal, "d-", 15);

        JsonNode reached = tab.nextNotification();
        assertThat(reached.path("kind").asString())
                .as("no second warning came before it")
                .isEqualTo("quota-reached");
        assertThat(reached.path("data").path("limit").asString()).isEqualTo("requests");
        assertThat(reached.path("data").path("used").asLong()).isEqualTo(105);
        assertThat(reached.path("data").path("limitValue").asLong()).isEqualTo(100);

        ingest(hal, "e-", 5);
        assertThat(tab.notificationsWithin(Duration.ofSeconds(2)))
                .as("usage past the limit does not repeat the notice")
                .isEmpty();
        tab.close();
    }

    @Test
    void aSubscriptionThatStartsIsToldToItsUser() throws Exception {
        User cleo = user("cleo-subscribes");
        LiveClient tab = LiveClient.connect(port, cleo.token);
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        Response delivered = ProviderEvents.deliverToStripeWebhook(
                api,
                ProviderEvents.stripeSubscription(
                        "evt_" + suffix,
                        "customer.subscription.created",
                        CLOCK.instant(),
                        cleo.id,
                        "sub_" + suffix,
                        "cus_" + suffix,
                        TestSecrets.STRIPE_PRICE_PRO,
                        "active",
                        CLOCK.instant().plus(Duration.ofDays(30)),
                        false),
                CLOCK.instant());

        assertThat(delivered.status()).isEqualTo(200);
        JsonNode notification = tab.nextNotification();
        assertThat(notification.path("kind").asString()).isEqualTo("subscription");
        assertThat(notification.path("data").path("change").asString()).isEqualTo("started");
        assertThat(notification.path("data").path("plan").asString()).isEqualTo("pro");
        tab.close();
    }

    @Test
    void anOperatorBroadcastsToEveryoneToAPlanOrToOneUser() throws Exception {
        User dan = user("dan-broadcast");
        User eve = user("eve-broadcast");
        LiveClient danTab = LiveClient.connect(port, dan.token);
        LiveClient eveTab = LiveClient.connect(port, eve.token);

        Response toAll = broadcast("Maintenance tonight", "all");
        assertThat(toAll.status()).isEqualTo(202);
        assertThat(toAll.json().path("audience").asString()).isEqualTo("all");
        assertThat(toAll.json().path("delivered").asInt()).isGreaterThanOrEqualTo(2);
        for (LiveClient tab : new LiveClient[] {danTab, eveTab}) {
            JsonNode notification = tab.nextNotification();
            assertThat(notification.path("type").asString()).isEqualTo("notification");
            assertThat(notification.path("kind").asString()).isEqualTo("broadcast");
            assertThat(notification.path("title").asString()).isEqualTo("Maintenance tonight");
            assertThat(notification.path("message").asString()).isEqualTo("Maintenance tonight: details");
            assertThat(notification.path("data").path("audience").asString()).isEqualTo("all");
        }

        Response toDan = broadcast("Hello Dan", "user:" + dan.id);
        assertThat(toDan.status()).isEqualTo(202);
        assertThat(toDan.json().path("delivered").asInt()).isEqualTo(1);
        assertThat(danTab.nextNotification().path("title").asString()).isEqualTo("Hello Dan");

        assertThat(broadcast("For free users", "plan:free")
                        .json()
                        .path("delivered")
                        .asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(broadcast("For business users", "plan:business").status()).isEqualTo(202);
        broadcast("Hello Eve", "user:" + eve.id);
        assertThat(eveTab.nextNotification().path("title").asString()).isEqualTo("For free users");
        assertThat(eveTab.nextNotification().path("title").asString())
                .as("neither Dan's message nor the business plan's reached Eve")
                .isEqualTo("Hello Eve");
        danTab.close();
        eveTab.close();
    }

    @Test
    void aBroadcastSentThroughAnotherInstanceReachesTheSessionsOfThisOne() throws Exception {
        assumeTrue(TestMode.current() == TestMode.MYSQL, "instances meet in Redis in the mysql mode only");
        User gus = user("gus-relayed");
        LiveClient tab = LiveClient.connect(port, gus.token);
        Notification notification = Notification.of(
                Notification.BROADCAST, "From elsewhere", "Sent to another instance", Map.of(), CLOCK.instant());

        redis.getObject()
                .convertAndSend(
                        redisKeys.key(RedisBroadcasts.CHANNEL),
                        JSON.writeValueAsString(
                                new RedisBroadcasts.Relayed("another-instance", "user:" + gus.id, notification)));

        assertThat(tab.nextNotification().path("title").asString()).isEqualTo("From elsewhere");
        tab.close();
    }

    @Test
    void aBroadcastToAnAudienceThatIsNoneIsRefused() {
        for (String audience : new String[] {"everyone", "plan:gold", "user:", ""}) {
            Response refused = api.post(
                    "/api/admin/notifications",
                    Map.of("title", "Hi", "message", "There", "audience", audience),
                    adminToken());

            assertThat(refused.status()).as(audience).isEqualTo(400);
            assertThat(refused.json().path("type").asString()).endsWith("/validation");
        }
    }

    @Test
    void anAdminFollowsTheDashboardAndOthersMayNot() throws Exception {
        User fay = user("fay-dashboard");
        LiveClient adminTab = LiveClient.connect(port, adminToken());
        LiveClient fayTab = LiveClient.connect(port, fay.token);

        fayTab.send(Map.of("type", "subscribe", "topic", "dashboard"));
        JsonNode refused = fayTab.next("error");
        assertThat(refused.path("status").asInt()).isEqualTo(403);

        adminTab.send(Map.of("type", "subscribe", "topic", "dashboard"));
        JsonNode first = adminTab.next("dashboard").path("data");
        assertThat(first.has("requestsToday")).isTrue();
        assertThat(first.has("tokensToday")).isTrue();
        assertThat(first.has("aiCostTodayMicros")).isTrue();
        long requestsBefore = first.path("requestsToday").asLong();

        AI.reply("Counted", 10, 5);
        assertThat(api.post("/api/ai/chat", Map.of("message", "Count me"), fay.token)
                        .status())
                .isEqualTo(200);

        JsonNode later = adminTab.next(
                        message -> message.path("type").asString().equals("dashboard")
                                && message.path("data").path("requestsToday").asLong() > requestsBefore)
                .path("data");
        assertThat(later.path("tokensToday").asLong()).isGreaterThanOrEqualTo(15);
        adminTab.close();
        fayTab.close();
    }

    @Test
    void aHandshakeWithoutAValidTokenIsRefused() {
        for (String query : new String[] {"", "?access_token=not-a-token"}) {
            Throwable refused = catchThrowable(() -> HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws" + query), new LiveClient())
                    .join());

            assertThat(refused).as(query).isInstanceOf(CompletionException.class);
        }
    }

    private Response broadcast(String title, String audience) {
        return api.post(
                "/api/admin/notifications",
                Map.of("title", title, "message", title + ": details", "audience", audience),
                adminToken());
    }

    /** Records {@code count} usage events of one request each through the ingest, ids {@code prefix0}, … */
    private void ingest(User user, String prefix, int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Map.of(
                    "id", prefix + i, "model", "deepseek-ai/DeepSeek-V3", "promptTokens", 1, "completionTokens", 1));
        }
        Response answer = api.post("/api/usage/events", Map.of("events", events), user.token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(count);
    }

    private User user(String name) {
        String token = api.register(uniqueEmail(name), "correct-horse-battery", name);
        return new User(token, api.get("/api/auth/me", token).json().path("id").asString());
    }

    private record User(String token, String id) {}
}
