package com.flowmatik.app.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.SuiteLogs;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API keys over HTTP: made once and kept only as a hash, acting as their owner on the AI, usage and
 * conversation endpoints and refused everywhere else, ended by their owner, by the Free plan and by
 * deactivation, and seen by operators.
 */
class ApiKeysIT extends IntegrationTest {

    @Test
    void aKeyIsShownOnceStoredOnlyAsAHashAndActsAsItsOwner() {
        User ada = paidUser("key-maker");

        Response made = api.post("/api/auth/api-keys", Map.of("name", "CI pipeline"), ada.token);

        assertThat(made.status()).isEqualTo(201);
        String key = key(made);
        assertThat(key).startsWith("fmk_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(made.json().path("prefix").asString()).isEqualTo(key.substring(0, 12));
        assertThat(made.json().path("name").asString()).isEqualTo("CI pipeline");
        Response me = withKey("/api/auth/me", key);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(ada.id);
        Response byHeader = api.send(
                api.request("/api/auth/me", null).header("X-API-Key", key).GET());
        assertThat(byHeader.status()).isEqualTo(200);
        assertThat(byHeader.json().path("id").asString()).isEqualTo(ada.id);
        assertThat(eventTypesOf(ada.id)).contains("com.flowmatik.api.identity.ApiKeyCreated");
        assertThat(storedTextsContaining(key.substring(4))).isZero();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode listed = api.get("/api/auth/api-keys", ada.token).json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("id").asString())
                    .isEqualTo(made.json().path("id").asString());
            assertThat(listed.get(0).path("prefix").asString()).isEqualTo(key.substring(0, 12));
            assertThat(listed.get(0).has("key")).isFalse();
            assertThat(listed.get(0).path("lastUsedAt").isString())
                    .as("lastUsedAt after the key was used")
                    .isTrue();
        });
    }

    @Test
    void aRevokedKeyIsRefusedFromThenOn() {
        User ada = paidUser("revoker");
        Response made = api.post("/api/auth/api-keys", Map.of("name", "agent"), ada.token);
        String key = key(made);
        assertThat(withKey("/api/ai/usage", key).status()).isEqualTo(200);

        Response revoked =
                api.delete("/api/auth/api-keys/" + made.json().path("id").asString(), ada.token);

        assertThat(revoked.status()).isEqualTo(204);
        Response refused = withKey("/api/ai/usage", key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).contains("unknown or revoked");
        assertThat(api.delete("/api/auth/api-keys/" + made.json().path("id").asString(), ada.token)
                        .status())
                .isEqualTo(404);
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(
                                api.get("/api/auth/api-keys", ada.token).json())
                        .isEmpty());
    }

    @Test
    void anotherUsersKeyIsNotFoundAndKeepsWorking() {
        User ada = paidUser("owner");
        User eve = paidUser("other");
        Response adas = api.post("/api/auth/api-keys", Map.of("name", "mine"), ada.token);

        Response revoke =
                api.delete("/api/auth/api-keys/" + adas.json().path("id").asString(), eve.token);

        assertThat(revoke.status()).isEqualTo(404);
        assertThat(withKey("/api/ai/usage", key(adas)).status()).isEqualTo(200);
    }

    @Test
    void theFreePlanIsRefusedAKeyAndNothingIsRecorded() {
        String token = api.register(uniqueEmail("free-key"), "free-key-password", "Fran");
        String id = api.get("/api/auth/me", token).json().path("id").asString();

        Response refused = api.post("/api/auth/api-keys", Map.of("name", "CI"), token);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/plan-required");
        assertThat(eventTypesOf(id)).doesNotContain("com.flowmatik.api.identity.ApiKeyCreated");
    }

    @Test
    void aKeyIsRefusedOnAccountPaymentAndAdminEndpointsEvenAnAdminsKey() {
        String admin = adminToken();
        String key = key(api.post("/api/auth/api-keys", Map.of("name", "operator's script"), admin));

        for (String path : List.of(
                "/api/admin/users",
                "/api/admin/dashboard",
                "/api/payments/subscription",
                "/api/payments/invoices",
                "/api/auth/api-keys")) {
            assertThat(withKey(path, key).status())
                    .as("GET %s with a key", path)
                    .isEqualTo(403);
        }
        assertThat(postWithKey("/api/auth/change-password", "{}", key).status()).isEqualTo(403);
        assertThat(postWithKey("/api/auth/api-keys", "{\"name\":\"another\"}", key)
                        .status())
                .isEqualTo(403);
        assertThat(postWithKey("/api/payments/subscription/cancel", "{}", key).status())
                .isEqualTo(403);
        assertThat(postWithKey("/api/auth/logout", "{}", key).status()).isEqualTo(403);
        assertThat(withKey("/api/ai/usage", key).status()).isEqualTo(200);
        assertThat(withKey("/api/ai/conversations", key).status()).isEqualTo(200);
    }

    @Test
    void anUnknownKeyIsUnauthorized() {
        Response refused = withKey("/api/ai/usage", "fmk_" + "x".repeat(43));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aKeysRequestsAreMeteredAndLimitedAsTheOwnersOwn() {
        User ada = paidUser("metered");
        String key = key(api.post("/api/auth/api-keys", Map.of("name", "bot"), ada.token));
        AI.reply("Hello from a key", 12, 6);

        Response chat = postWithKey("/api/ai/chat", "{\"message\":\"Hello\"}", key);

        assertThat(chat.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode today = api.get("/api/ai/usage", ada.token).json().path("today");
            assertThat(today.path("requests").asLong()).isEqualTo(1);
            assertThat(today.path("tokens").asLong()).isEqualTo(18);
            assertThat(today.path("requestLimit").asLong()).isEqualTo(1_000);
        });
        String conversation = chat.json().path("conversationId").asString();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(api.get("/api/ai/conversations/" + conversation, ada.token)
                                .status())
                        .isEqualTo(200));
        assertThat(withKey("/api/ai/conversations/" + conversation, key).status())
                .isEqualTo(200);
    }

    @Test
    void aDowngradeToTheFreePlanRevokesTheOwnersKeys() {
        User ada = paidUser("downgraded");
        String key = key(api.post("/api/auth/api-keys", Map.of("name", "bot"), ada.token));
        assertThat(withKey("/api/ai/usage", key).status()).isEqualTo(200);

        Response downgrade = api.send(api.request("/api/admin/users/" + ada.id + "/plan", adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"free\"}")));

        assertThat(downgrade.status()).isEqualTo(200);
        assertThat(withKey("/api/ai/usage", key).status()).isEqualTo(401);
        assertThat(eventTypesOf(ada.id)).contains("com.flowmatik.api.identity.ApiKeyRevoked");
    }

    @Test
    void deactivationRevokesTheOwnersKeys() {
        User ada = paidUser("deactivated");
        String key = key(api.post("/api/auth/api-keys", Map.of("name", "bot"), ada.token));

        Response deactivated = api.post("/api/admin/users/" + ada.id + "/deactivate", Map.of(), adminToken());

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(withKey("/api/ai/usage", key).status()).isEqualTo(401);
    }

    @Test
    void operatorsSeeAUsersKeyCountAndTheAuditShowsKeysMadeAndRevoked() {
        User ada = paidUser("audited");
        String email = api.get("/api/auth/me", ada.token).json().path("email").asString();
        Response first = api.post("/api/auth/api-keys", Map.of("name", "one"), ada.token);
        api.post("/api/auth/api-keys", Map.of("name", "two"), ada.token);
        api.delete("/api/auth/api-keys/" + first.json().path("id").asString(), ada.token);
        String admin = adminToken();

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode listed =
                    api.get("/api/admin/users?q=" + email, admin).json().path("items");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("apiKeys").asLong()).isEqualTo(1);
        });
        JsonNode history = api.get("/api/admin/audit/users/" + ada.id + "/billing-history", admin)
                .json();
        List<String> types = history.path("events")
                .valueStream()
                .map(event -> event.path("type").asString())
                .toList();
        assertThat(types).containsSubsequence("ApiKeyCreated", "ApiKeyCreated", "ApiKeyRevoked");
    }

    private record User(String token, String id) {}

    /** A user on the Starter plan, as an operator sets it. */
    private User paidUser(String name) {
        String token = api.register(uniqueEmail(name), name + "-password", name);
        String id = api.get("/api/auth/me", token).json().path("id").asString();
        Response upgraded = api.send(api.request("/api/admin/users/" + id + "/plan", adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"starter\"}")));
        assertThat(upgraded.status()).isEqualTo(200);
        return new User(token, id);
    }

    private static String key(Response made) {
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String key = made.json().path("key").asString();
        SuiteLogs.secretUsed(key);
        return key;
    }

    private Response withKey(String path, String key) {
        return api.get(path, key);
    }

    private Response postWithKey(String path, String json, String key) {
        return api.postRaw(path, json, "application/json", key);
    }

    /** How many stored events or read-model rows hold the text anywhere (a key must be in none). */
    private long storedTextsContaining(String text) {
        long inEvents = jdbc.queryForList("SELECT payload FROM domain_event_entry", byte[].class).stream()
                .filter(payload -> new String(payload, StandardCharsets.UTF_8).contains(text))
                .count();
        long inLookups = jdbc.queryForObject(
                "SELECT COUNT(*) FROM api_key_owner WHERE hash LIKE ? OR key_id LIKE ?",
                Long.class,
                "%" + text + "%",
                "%" + text + "%");
        return inEvents + inLookups;
    }
}
