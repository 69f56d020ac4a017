package com.flowmatik.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.TestSecrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One error format at every edge: what the firewall, the servlet container, the CORS check and the
 * WebSocket handshake refuse is a problem with the security headers, like every other error; a
 * streamed chat's error event carries the same status and type; webhooks name the right problem.
 */
class ErrorFormatIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anUnknownPathIs404WithOrWithoutAToken() {
        Response anonymous = api.get("/api/no-such-thing", null);

        assertProblem(anonymous, 404, "not-found");
        assertThat(api.get("/api/auth/me", null).status())
                .as("a known path still asks for a token")
                .isEqualTo(401);
    }

    @Test
    void pathsTheFirewallRefusesAreProblemsWithTheSecurityHeaders() throws IOException {
        for (String path : new String[] {"/api//auth/me", "/api/auth;x=1/me", "/api/auth/../auth/me"}) {
            Raw answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer.status).as(path).isEqualTo(400);
            assertThat(answer.head)
                    .as(path)
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff")
                    .containsIgnoringCase("X-Frame-Options: DENY");
            assertThat(JSON.readTree(answer.body).path("type").asString())
                    .as(path)
                    .endsWith("/malformed-request");
        }
    }

    @Test
    void anEncodedSlashIsAProblemNotTheContainersPage() throws IOException {
        Raw answer = raw("GET /api/auth%2Fme HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status).as(answer.head + "\n\n" + answer.body).isEqualTo(400);
        assertThat(answer.head).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer.body).doesNotContain("<html");
        assertThat(JSON.readTree(answer.body).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void aRefusedOriginIsAProblem() {
        Response refused = api.send(api.request("/api/payments/plans", null)
                .header("Origin", "https://evil.example")
                .GET());

        assertProblem(refused, 403, "forbidden");
    }

    @Test
    void aPlainRequestToTheSocketIsAProblem() {
        String token = api.register(uniqueEmail("socket"), "socket-password", "Socket");

        assertProblem(api.get("/ws", token), 400, "malformed-request");
        assertProblem(api.get("/ws/chat", token), 400, "malformed-request");
    }

    @Test
    void aStreamedChatThatFailsEndsWithAnErrorEventOfTheSameProblem() {
        String token = api.register(uniqueEmail("stream-error"), "stream-password", "Stream");
        AI.failMidStream(1);

        Response answer = api.post("/api/ai/chat", Map.of("message", "Hello", "stream", true), token);

        JsonNode error = null;
        String event = null;
        for (String line : answer.body().split("\n")) {
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:") && "error".equals(event)) {
                error = JSON.readTree(line.substring(5).trim());
            }
        }
        assertThat(error).as(answer.body()).isNotNull();
        assertThat(error.path("status").asInt()).isEqualTo(502);
        assertThat(error.path("type").asString())
                .isEqualTo(ProblemType.PROVIDER_ERROR.uri().toString());
        assertThat(error.path("requestId").asString()).isNotBlank();
    }

    @Test
    void aCorrectlySignedWebhookThatIsNotJsonIsAnInvalidPayload() {
        String body = "{\"id\": \"evt_broken\", ";

        Response answer = ProviderEvents.deliverToStripeWebhook(api, body, CLOCK.instant());

        assertProblem(answer, 400, "invalid-payload");
    }

    @Test
    void aSignatureDatedBeyondTheToleranceIsRefusedInBothDirections() {
        String body =
                "{\"id\":\"evt_timed\",\"object\":\"event\",\"type\":\"customer.created\",\"data\":{\"object\":{}}}";
        for (Duration offset : new Duration[] {Duration.ofSeconds(600), Duration.ofSeconds(-600)}) {
            String signature = ProviderEvents.stripeSignature(
                    body, CLOCK.instant().plus(offset), TestSecrets.STRIPE_WEBHOOK_SECRET);

            Response answer = ProviderEvents.deliverToStripeWebhook(api, body, signature);

            assertProblem(answer, 400, "invalid-signature");
        }
    }

    private static void assertProblem(Response answer, int status, String slug) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.json().path("type").asString()).isEqualTo(ProblemType.BASE + slug);
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    }

    /** A request written as raw bytes: Java's HTTP client normalises the paths these tests need. */
    private Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String body = response.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return body.toString(); // the connection closed without the last chunk
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private record Raw(int status, String head, String body) {}
}
