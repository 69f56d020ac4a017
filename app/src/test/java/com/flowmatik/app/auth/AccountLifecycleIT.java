package com.flowmatik.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.SuiteLogs;
import com.flowmatik.app.support.TestSecrets;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rest of {@code /api/auth} over HTTP: profile, password change and reset, sign-out, roles. */
class AccountLifecycleIT extends IntegrationTest {

    private static final Pattern RESET_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");

    @Test
    void aProfileUpdateChangesTheNameAndNeverTheRoleOrPlan() {
        String token = api.register(uniqueEmail("profile"), "profile-password", "Before");

        Response updated = api.send(api.request("/api/auth/profile", token)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"After\",\"role\":\"admin\",\"plan\":\"business\"}")));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("name").asString()).isEqualTo("After");
        assertThat(updated.json().path("role").asString()).isEqualTo("user");
        assertThat(updated.json().path("plan").asString()).isEqualTo("free");
        Response me = api.get("/api/auth/me", token);
        assertThat(me.json().path("name").asString()).isEqualTo("After");
        assertThat(me.json().path("role").asString()).isEqualTo("user");
        assertThat(api.get("/api/admin/dashboard", token).status()).isEqualTo(403);
    }

    @Test
    void anEmailInAProfileUpdateIsRefusedNotSilentlyIgnored() {
        String email = uniqueEmail("profile-email");
        String token = api.register(email, "profile-password", "Before");

        Response refused = api.send(api.request("/api/auth/profile", token)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"After\",\"email\":\"new-" + email + "\"}")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/validation");
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("email");
        Response me = api.get("/api/auth/me", token);
        assertThat(me.json().path("email").asString()).isEqualTo(email);
        assertThat(me.json().path("name").asString()).isEqualTo("Before");
    }

    @Test
    void changingThePasswordRefusesTheOldPasswordAndEveryOlderToken() {
        String email = uniqueEmail("change");
        String signUpToken = api.register(email, "old-password", "Changer");
        String otherDevice = login(email, "old-password");

        Response wrongCurrent = api.post(
                "/api/auth/change-password",
                Map.of("currentPassword", "not-the-password", "newPassword", "new-password"),
                signUpToken);
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().path("errors").get(0).path("field").asString())
                .isEqualTo("currentPassword");

        Response changed = api.post(
                "/api/auth/change-password",
                Map.of("currentPassword", "old-password", "newPassword", "new-password"),
                signUpToken);
        assertThat(changed.status()).isEqualTo(204);

        assertThat(api.get("/api/auth/me", signUpToken).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/me", otherDevice).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", Map.of("email", email, "password", "old-password"), null)
                        .status())
                .isEqualTo(401);
        String fresh = login(email, "new-password");
        assertThat(api.get("/api/auth/me", fresh).status()).isEqualTo(200);
    }

    @Test
    void aResetLinkIsMailedWorksOnceAndRevokesOlderTokens() throws Exception {
        String email = uniqueEmail("forgot");
        String before = api.register(email, "forgotten-password", "Forgetful");

        Response asked = api.post("/api/auth/forgot-password", Map.of("email", email), null);
        assertThat(asked.status()).isEqualTo(202);
        String token = resetTokenMailedTo(email);

        Response reset =
                api.post("/api/auth/reset-password", Map.of("token", token, "newPassword", "remembered-now"), null);
        assertThat(reset.status()).isEqualTo(204);
        assertThat(login(email, "remembered-now")).isNotBlank();
        assertThat(api.get("/api/auth/me", before).status()).isEqualTo(401);

        Response again =
                api.post("/api/auth/reset-password", Map.of("token", token, "newPassword", "second-try-pw"), null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("type").asString()).endsWith("/invalid-reset-token");
        assertThat(api.post("/api/auth/login", Map.of("email", email, "password", "second-try-pw"), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anExpiredResetLinkIsRefused() throws Exception {
        String email = uniqueEmail("late");
        api.register(email, "late-password", "Late");
        api.post("/api/auth/forgot-password", Map.of("email", email), null);
        String token = resetTokenMailedTo(email);

        CLOCK.advance(Duration.ofMinutes(31));
        Response reset =
                api.post("/api/auth/reset-password", Map.of("token", token, "newPassword", "too-late-now"), null);

        assertThat(reset.status()).isEqualTo(400);
        assertThat(reset.json().path("type").asString()).endsWith("/invalid-reset-token");
    }

    @Test
    void forgotPasswordAnswersTheSameForAnUnknownAddressAndMailsNothing() {
        String unknown = uniqueEmail("ghost");

        Response known = api.post("/api/auth/forgot-password", Map.of("email", TestSecrets.ADMIN_EMAIL), null);
        Response ghost = api.post("/api/auth/forgot-password", Map.of("email", unknown), null);

        assertThat(ghost.status()).isEqualTo(known.status()).isEqualTo(202);
        assertThat(ghost.body()).isEqualTo(known.body());
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(mailsTo(unknown)).isZero());
    }

    @Test
    void anInventedResetTokenIsRefused() {
        Response reset = api.post(
                "/api/auth/reset-password",
                Map.of("token", "invented-token-invented-token-invented", "newPassword", "whatever-pw"),
                null);

        assertThat(reset.status()).isEqualTo(400);
        assertThat(reset.json().path("type").asString()).endsWith("/invalid-reset-token");
    }

    @Test
    void aSignedOutTokenIsRefusedWhileOthersStillWork() {
        String email = uniqueEmail("logout");
        String first = api.register(email, "logout-password", "Leaver");
        String second = login(email, "logout-password");

        Response out = api.post("/api/auth/logout", Map.of(), first);

        assertThat(out.status()).isEqualTo(204);
        Response refused = api.get("/api/auth/me", first);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).contains("signed out");
        assertThat(api.get("/api/auth/me", second).status()).isEqualTo(200);
    }

    @Test
    void anAdminPromotesAUserWhoseNextRequestHasTheNewRole() {
        String userToken = api.register(uniqueEmail("promoted"), "promoted-password", "Promoted");
        String userId = api.get("/api/auth/me", userToken).json().path("id").asString();

        Response promoted = api.send(api.request("/api/admin/users/" + userId + "/role", adminToken())
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"admin\"}")));

        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().path("role").asString()).isEqualTo("admin");
        assertThat(api.get("/actuator/metrics", userToken).status()).isEqualTo(200);
    }

    @Test
    void anAdminDeactivatesAUserWhoseTokensAndSignInAreRefused() {
        String email = uniqueEmail("closed");
        String userToken = api.register(email, "closed-password", "Closed");
        String userId = api.get("/api/auth/me", userToken).json().path("id").asString();

        Response deactivated = api.post("/api/admin/users/" + userId + "/deactivate", Map.of(), adminToken());

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().path("status").asString()).isEqualTo("deactivated");
        assertThat(api.get("/api/auth/me", userToken).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", Map.of("email", email, "password", "closed-password"), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aUserCannotUseTheAdminEndpointsAndAnUnknownUserIs404() {
        String userToken = api.register(uniqueEmail("nosy"), "nosy-password", "Nosy");

        assertThat(api.post("/api/admin/users/someone/deactivate", Map.of(), userToken)
                        .status())
                .isEqualTo(403);
        Response unknown = api.post("/api/admin/users/no-such-user/deactivate", Map.of(), adminToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).endsWith("/not-found");
        Response badRole = api.send(api.request("/api/admin/users/no-such-user/role", adminToken())
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"emperor\"}")));
        assertThat(badRole.status()).isEqualTo(400);
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        Response preflight = api.send(api.request("/api/auth/login", null)
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    private String login(String email, String password) {
        Response login = api.post("/api/auth/login", Map.of("email", email, "password", password), null);
        assertThat(login.status()).isEqualTo(200);
        return login.json().path("token").asString();
    }

    private static long mailsTo(String email) throws Exception {
        long count = 0;
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients())
                    .anyMatch(to -> to.toString().equals(email))) {
                count++;
            }
        }
        return count;
    }

    private static String resetTokenMailedTo(String email) {
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients())
                        .anyMatch(to -> to.toString().equals(email))) {
                    Matcher matcher = RESET_TOKEN.matcher(message.getContent().toString());
                    assertThat(matcher.find()).isTrue();
                    token[0] = matcher.group(1);
                    SuiteLogs.secretUsed(token[0]);
                }
            }
            assertThat(token[0]).isNotNull();
        });
        return token[0];
    }
}
