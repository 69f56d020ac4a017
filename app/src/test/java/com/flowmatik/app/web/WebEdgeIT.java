package com.flowmatik.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Errors are problem details with stable types, and every answer carries a request id. */
class WebEdgeIT extends IntegrationTest {

    @Test
    void everyResponseCarriesARequestIdAndEchoesASaneOne() {
        Response fresh = api.get("/health", null);
        Response echoed = api.send(
                api.request("/health", null).header("X-Request-Id", "trace-42").GET());
        Response insane = api.send(api.request("/health", null)
                .header("X-Request-Id", "bad id\twith spaces")
                .GET());

        assertThat(fresh.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(echoed.header("X-Request-Id")).isEqualTo("trace-42");
        assertThat(insane.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void malformedJsonIsA400MalformedRequestProblemWithTheRequestId() {
        Response response = api.postRaw("/api/auth/register", "{\"email\":", "application/json", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString())
                .isEqualTo("https://flowmatik.dev/problems/malformed-request");
        assertThat(response.json().path("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void aWrongContentTypeIs415() {
        Response response = api.postRaw("/api/auth/login", "email=a", "text/plain", null);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("type").asString()).endsWith("/unsupported-media-type");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrStreamed() {
        String big = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";

        Response declared = api.postRaw("/api/auth/login", big, "application/json", null);
        Response streamed = api.send(api.request("/api/auth/login", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes())))); // chunked

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().path("type").asString()).endsWith("/payload-too-large");
        assertThat(streamed.status()).isEqualTo(413);
    }

    @Test
    void anUnknownPathIs404ForASignedInUser() {
        String token = api.register(uniqueEmail("lost"), "lost-password", "Lost");

        Response response = api.get("/api/no-such-thing", token);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asString()).endsWith("/not-found");
    }

    @Test
    void aWrongMethodIs405() {
        Response response = api.get("/api/auth/login", api.register(uniqueEmail("verb"), "verb-password", "Verb"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().path("type").asString()).endsWith("/method-not-allowed");
    }

    @Test
    void securityHeadersAreSet() {
        Response response = api.get("/health", null);

        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theOpenApiDocumentDescribesTheAuthEndpoints() {
        Response response = api.get("/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("paths").has("/api/auth/register")).isTrue();
        assertThat(response.json().path("paths").has("/api/auth/login")).isTrue();
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
