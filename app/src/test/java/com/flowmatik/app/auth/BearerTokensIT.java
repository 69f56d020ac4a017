package com.flowmatik.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.TestSecrets;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every way a token can be wrong ends in a 401 problem; roles decide 403. */
class BearerTokensIT extends IntegrationTest {

    @Test
    void noTokenIs401() {
        assertUnauthorized(api.get("/api/auth/me", null));
    }

    @Test
    void aGarbledTokenIs401() {
        assertUnauthorized(api.get("/api/auth/me", "not.a.jwt"));
    }

    @Test
    void anExpiredTokenIs401() {
        String userId = signUp();
        String expired = Jwts.builder()
                .subject(userId)
                .id(UUID.randomUUID().toString())
                .claim("role", "user")
                .claim("ver", 0)
                .issuedAt(Date.from(Instant.now().minus(2, ChronoUnit.DAYS)))
                .expiration(Date.from(Instant.now().minus(1, ChronoUnit.HOURS)))
                .signWith(Keys.hmacShaKeyFor(TestSecrets.JWT.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                .compact();

        Response response = api.get("/api/auth/me", expired);

        assertUnauthorized(response);
        assertThat(response.json().path("detail").asString()).contains("expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() {
        String userId = signUp();
        String forged = Jwts.builder()
                .subject(userId)
                .id(UUID.randomUUID().toString())
                .claim("role", "admin")
                .claim("ver", 0)
                .expiration(Date.from(Instant.now().plus(1, ChronoUnit.HOURS)))
                .signWith(
                        Keys.hmacShaKeyFor("another-key-another-key-another-key-0123".getBytes(StandardCharsets.UTF_8)),
                        Jwts.SIG.HS256)
                .compact();

        assertUnauthorized(api.get("/api/auth/me", forged));
    }

    @Test
    void anUnsignedAlgNoneTokenIs401() {
        String userId = signUp();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"sub\":\"" + userId + "\",\"jti\":\"x\",\"role\":\"admin\",\"exp\":"
                        + Instant.now().plus(1, ChronoUnit.HOURS).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));

        assertUnauthorized(api.get("/api/auth/me", header + "." + payload + "."));
    }

    @Test
    void aTamperedPayloadIs401() {
        String token = api.register(uniqueEmail("tamper"), "tamper-password", "Tamper");
        String[] parts = token.split("\\.");
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = base64.encodeToString(
                claims.replace("\"role\":\"user\"", "\"role\":\"admin\"").getBytes(StandardCharsets.UTF_8));

        assertUnauthorized(api.get("/api/admin/dashboard", parts[0] + "." + promoted + "." + parts[2]));
    }

    @Test
    void aUserOnAnAdminEndpointIs403AndAnAdminGetsThrough() {
        String userToken = api.register(uniqueEmail("plain"), "plain-password", "Plain");
        Response asUser = api.get("/api/admin/dashboard", userToken);

        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.json().path("type").asString()).endsWith("/forbidden");

        String adminToken = api.post(
                        "/api/auth/login",
                        java.util.Map.of("email", TestSecrets.ADMIN_EMAIL, "password", TestSecrets.ADMIN_PASSWORD),
                        null)
                .json()
                .path("token")
                .asString();
        Response asAdmin = api.get("/actuator/metrics", adminToken);
        assertThat(asAdmin.status()).isEqualTo(200);
    }

    private String signUp() {
        String token = api.register(uniqueEmail("token"), "token-password", "Token");
        return api.get("/api/auth/me", token).json().path("id").asString();
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/unauthorized");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
}
