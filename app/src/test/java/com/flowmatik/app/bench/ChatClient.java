package com.flowmatik.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator's view of the platform: sign-up, a chat, the usage. One HTTP/1.1 client for
 * every thread, as a pool of browsers or a backend would keep connections open; HTTP/1.1 because
 * the default HTTP/2 would send an {@code h2c} upgrade the server declines, on every new connection.
 */
final class ChatClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    ChatClient(String base) {
        this.base = base;
    }

    /** An answer: its status and body. */
    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Signs a new user up and answers their token. */
    String signUp(String email) {
        Answer answer = post("/api/auth/register",
                Map.of("email", email, "password", "bench-password", "name", "Bench"), null);
        if (answer.status() != 201) {
            throw new IllegalStateException("sign-up answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().path("token").asString();
    }

    /** One non-streamed chat turn in a new conversation; {@link UncheckedIOException} when no answer came. */
    Answer chat(String token, String message) {
        return post("/api/ai/chat", Map.of("message", message), token);
    }

    /** How many requests today's usage of the token's user shows. */
    long requestsToday(String token) {
        Answer answer = send(request("/api/ai/usage", token).GET());
        if (answer.status() != 200) {
            throw new IllegalStateException("usage answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().path("today").path("requests").asLong();
    }

    private Answer post(String path, Object body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
