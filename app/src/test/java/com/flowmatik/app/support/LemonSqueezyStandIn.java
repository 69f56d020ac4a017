package com.flowmatik.app.support;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local server on 127.0.0.1 that speaks LemonSqueezy's JSON:API: {@code POST /v1/checkouts}
 * answers 201 with a checkout whose {@code attributes.url} is the page to pay on, and {@code DELETE
 * /v1/subscriptions/{id}} answers the subscription canceled ({@code attributes.cancelled=true}, it
 * ends with its period). It records every request with its headers and parsed JSON body. Requests
 * without {@code Authorization: Bearer} and the expected key get 401, as LemonSqueezy answers them.
 * {@link #failNext(int)} makes the next call fail with a JSON:API error.
 */
public final class LemonSqueezyStandIn implements AutoCloseable {

    /** The API key tests configure LemonSqueezy with. */
    public static final String API_KEY = TestSecrets.LEMONSQUEEZY_API_KEY;

    public static final String JSON_API = "application/vnd.api+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SUBSCRIPTION = Pattern.compile("/v1/subscriptions/([^/]+)");

    private LocalServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    private LemonSqueezyStandIn() {}

    /** Starts a stand-in on a free port of 127.0.0.1. */
    public static LemonSqueezyStandIn start() {
        LemonSqueezyStandIn standIn = new LemonSqueezyStandIn();
        standIn.server = LocalServer.start("lemonsqueezy-stand-in", standIn::handle);
        return standIn;
    }

    /** What to set as LemonSqueezy's API URL ({@code LEMONSQUEEZY_API_URL}), up to and including {@code /v1}. */
    public String apiUrl() {
        return server.baseUrl() + "/v1";
    }

    /** The next call (only that one) is answered with this status and a JSON:API error body. */
    public LemonSqueezyStandIn failNext(int status) {
        failNext.set(status);
        return this;
    }

    /** Answers normally again, and forgets what was received. */
    public void reset() {
        failNext.set(0);
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests to one path, e.g. {@code /v1/checkouts}. */
    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    /** One request as it arrived. Header names are matched without regard to case. */
    public record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    // ---- serving

    private void handle(HttpExchange exchange) {
        try {
            Received request = record(exchange);
            int failure = failNext.getAndSet(0);
            if (!("Bearer " + API_KEY).equals(request.header("Authorization"))) {
                send(exchange, 401, error(401, "Unauthenticated."));
            } else if (failure > 0) {
                send(exchange, failure, error(failure, "stand-in told to fail"));
            } else {
                route(exchange, request);
            }
        } catch (IOException clientWentAway) {
            // the request was recorded, which is all a test asks of the stand-in then
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, Received request) throws IOException {
        Matcher subscription = SUBSCRIPTION.matcher(request.path());
        if (request.method().equals("POST") && request.path().equals("/v1/checkouts")) {
            send(exchange, 201, checkout(request.body()));
        } else if (request.method().equals("DELETE") && subscription.matches()) {
            send(exchange, 200, canceledSubscription(subscription.group(1)));
        } else {
            send(exchange, 404, error(404, "Not Found"));
        }
    }

    private Received record(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        Received request = new Received(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
        received.add(request);
        return request;
    }

    // ---- LemonSqueezy's resources

    private ObjectNode checkout(JsonNode request) {
        String id = UUID.randomUUID().toString();
        JsonNode data = request.path("data");
        ObjectNode answer = document("/v1/checkouts/" + id);
        ObjectNode checkout = answer.putObject("data");
        checkout.put("type", "checkouts");
        checkout.put("id", id);
        ObjectNode attributes = checkout.putObject("attributes");
        attributes.put(
                "store_id",
                data.path("relationships").path("store").path("data").path("id").asInt());
        attributes.put(
                "variant_id",
                data.path("relationships")
                        .path("variant")
                        .path("data")
                        .path("id")
                        .asInt());
        attributes.putNull("custom_price");
        attributes.set(
                "product_options",
                data.path("attributes").path("product_options").deepCopy());
        attributes.set(
                "checkout_data", data.path("attributes").path("checkout_data").deepCopy());
        attributes.set("expires_at", data.path("attributes").path("expires_at").deepCopy());
        attributes.put("created_at", "2026-01-01T00:00:00.000000Z");
        attributes.put("updated_at", "2026-01-01T00:00:00.000000Z");
        attributes.put("test_mode", true);
        attributes.put("url", "https://flowmatik.lemonsqueezy.com/checkout/custom/" + id + "?signature=standin");
        return answer;
    }

    private ObjectNode canceledSubscription(String id) {
        ObjectNode answer = document("/v1/subscriptions/" + id);
        ObjectNode subscription = answer.putObject("data");
        subscription.put("type", "subscriptions");
        subscription.put("id", id);
        ObjectNode attributes = subscription.putObject("attributes");
        attributes.put("status", "cancelled");
        attributes.put("cancelled", true);
        attributes.put("ends_at", "2026-02-01T00:00:00.000000Z");
        attributes.putNull("renews_at");
        attributes.put("test_mode", true);
        return answer;
    }

    private static ObjectNode document(String self) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("jsonapi").put("version", "1.0");
        answer.putObject("links").put("self", "https://api.lemonsqueezy.com" + self);
        return answer;
    }

    private static ObjectNode error(int status, String title) {
        ObjectNode answer = document("");
        answer.putArray("errors")
                .addObject()
                .put("status", Integer.toString(status))
                .put("title", title)
                .put("detail", title);
        return answer;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", JSON_API);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
