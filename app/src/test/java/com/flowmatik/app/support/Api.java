package com.flowmatik.app.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: real requests to the running app, JSON in and out. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, Object body, String token) {
        return postRaw(path, JSON.writeValueAsString(body), "application/json", token);
    }

    public Response patch(String path, Object body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response put(String path, Object body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response postRaw(String path, String body, String contentType, String token) {
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            SuiteLogs.secretUsed(token);
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /**
     * A JSON post as if from another client address, for an instance that trusts
     * {@code X-Forwarded-For} from its loopback proxy ({@code server.forward-headers-strategy=native}).
     */
    public Response postFrom(String address, String path, String json) {
        return send(request(path, null)
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Registers a user and answers the token. */
    public String register(String email, String password, String name) {
        Response response =
                post("/api/auth/register", Map.of("email", email, "password", password, "name", name), null);
        if (response.status() != 201) {
            throw new IllegalStateException("register answered " + response.status() + ": " + response.body());
        }
        String token = response.json().path("token").asString();
        SuiteLogs.secretUsed(token);
        return token;
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }
}
