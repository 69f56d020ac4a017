package com.flowmatik.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sign-up, sign-in and "me" over HTTP, and what they leave in the event store. */
class SignUpAndSignInIT extends IntegrationTest {

    @Test
    void aNewUserSignsUpSignsInAndReadsTheirAccount() {
        String email = uniqueEmail("ann");
        Response registered = api.post(
                "/api/auth/register", Map.of("email", email, "password", "correct-horse", "name", "Ann"), null);

        assertThat(registered.status()).isEqualTo(201);
        JsonNode user = registered.json().path("user");
        assertThat(user.path("email").asString()).isEqualTo(email);
        assertThat(user.path("name").asString()).isEqualTo("Ann");
        assertThat(user.path("role").asString()).isEqualTo("user");
        assertThat(user.path("plan").asString()).isEqualTo("free");
        assertThat(user.path("createdAt").asString()).isNotBlank();
        assertThat(registered.json().path("expiresAt").asString()).isNotBlank();
        String userId = user.path("id").asString();

        Response login =
                api.post("/api/auth/login", Map.of("email", email.toUpperCase(), "password", "correct-horse"), null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("user").path("id").asString()).isEqualTo(userId);

        Response me = api.get("/api/auth/me", login.json().path("token").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asString()).isEqualTo(userId);
        assertThat(me.json().path("email").asString()).isEqualTo(email);
        assertThat(me.json().has("passwordHash")).isFalse();

        Response meWithSignUpToken =
                api.get("/api/auth/me", registered.json().path("token").asString());
        assertThat(meWithSignUpToken.json().path("id").asString()).isEqualTo(userId);
    }

    @Test
    void theRegistrationIsAnEventInTheEventStoreWithoutThePlaintextPassword() {
        String email = uniqueEmail("eve");
        Response registered = api.post(
                "/api/auth/register",
                Map.of("email", email, "password", "plaintext-never-stored", "name", "Eve"),
                null);
        String userId = registered.json().path("user").path("id").asString();

        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT payload_type, payload_revision, sequence_number, payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                userId);

        assertThat(events).hasSize(1);
        Map<String, Object> event = events.get(0);
        assertThat(event.get("payload_type")).isEqualTo("com.flowmatik.api.identity.UserRegistered");
        assertThat(event.get("payload_revision")).isEqualTo("1");
        assertThat(((Number) event.get("sequence_number")).longValue()).isZero();
        String payload = new String((byte[]) event.get("payload"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"email\":\"" + email + "\"").contains("\"passwordHash\":\"$2");
        assertThat(payload).doesNotContain("plaintext-never-stored");
    }

    @Test
    void aTakenEmailIsRefusedWith409AndRecordsNothing() {
        String email = uniqueEmail("dup");
        api.register(email, "first-password", "First");
        long eventsBefore = eventCount();

        Response again = api.post(
                "/api/auth/register",
                Map.of("email", email.toUpperCase(), "password", "second-password", "name", "Second"),
                null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().path("type").asString()).endsWith("/email-taken");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE email = ?", Long.class, email))
                .isEqualTo(1);
    }

    @Test
    void concurrentSignUpsWithOneEmailCreateExactlyOneAccount() throws Exception {
        String email = uniqueEmail("race");
        long eventsBefore = eventCount();
        int attempts = 8;

        List<Integer> statuses;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(
                                    "/api/auth/register",
                                    Map.of("email", email, "password", "race-password", "name", "Racer"),
                                    null)
                            .status();
                }));
            }
            start.countDown();
            statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(eventCount()).isEqualTo(eventsBefore + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registered_email WHERE email = ?", Long.class, email))
                .isEqualTo(1);
    }

    @Test
    void invalidSignUpIsA400WithFieldErrorsAndRecordsNothing() {
        long eventsBefore = eventCount();

        Response invalid =
                api.post("/api/auth/register", Map.of("email", "not-an-email", "password", "short", "name", " "), null);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("type").asString()).endsWith("/validation");
        List<String> fields = invalid.json()
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
        assertThat(fields).containsExactlyInAnyOrder("email", "password", "name");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aPasswordOverBcryptsLimitIsRefusedRatherThanCut() {
        String longPassword = "ü".repeat(40); // 40 characters, 80 bytes

        Response invalid = api.post(
                "/api/auth/register",
                Map.of("email", uniqueEmail("long"), "password", longPassword, "name", "Long"),
                null);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").get(0).path("field").asString())
                .isEqualTo("password");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSame401() {
        String email = uniqueEmail("bob");
        api.register(email, "right-password", "Bob");

        Response wrongPassword =
                api.post("/api/auth/login", Map.of("email", email, "password", "wrong-password"), null);
        Response unknownEmail =
                api.post("/api/auth/login", Map.of("email", uniqueEmail("nobody"), "password", "wrong-password"), null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        for (String field : List.of("type", "title", "detail", "status")) {
            assertThat(unknownEmail.json().path(field))
                    .isEqualTo(wrongPassword.json().path(field));
        }
        assertThat(wrongPassword.json().path("type").asString()).endsWith("/invalid-credentials");
    }

    @Test
    void theAdminFromTheEnvironmentExistsOnceAndHoldsTheAdminRole() {
        Response login = api.post(
                "/api/auth/login",
                Map.of(
                        "email",
                        com.flowmatik.app.support.TestSecrets.ADMIN_EMAIL,
                        "password",
                        com.flowmatik.app.support.TestSecrets.ADMIN_PASSWORD),
                null);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("user").path("role").asString()).isEqualTo("admin");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM registered_email WHERE email = ?",
                        Long.class,
                        com.flowmatik.app.support.TestSecrets.ADMIN_EMAIL))
                .isEqualTo(1);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
