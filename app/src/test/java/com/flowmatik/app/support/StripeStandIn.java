package com.flowmatik.app.support;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local server on 127.0.0.1 that speaks Stripe's API as stripe-java uses it: form-encoded POSTs
 * to {@code /v1/customers}, {@code /v1/checkout/sessions}, {@code /v1/payment_methods/{id}/attach},
 * {@code /v1/subscriptions} and {@code /v1/subscriptions/{id}} (update), answered with JSON objects
 * shaped as Stripe's, with fresh ids. It records every request — method, path, the form parameters
 * decoded with nested keys kept flat ({@code metadata[user_id]}), the headers — so a test can assert
 * what the platform sent. Requests without {@code Authorization: Bearer} and the expected key get
 * 401, as Stripe answers them. {@link #failNext(int)} makes the next call fail with a Stripe error.
 * A Checkout Session whose {@code expires_at} is less than 30 minutes or more than 24 hours after
 * its creation is refused with 400, as Stripe refuses it.
 */
public final class StripeStandIn implements AutoCloseable {

    /** The secret key tests configure Stripe with. */
    public static final String SECRET_KEY = TestSecrets.STRIPE_SECRET_KEY;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ATTACH = Pattern.compile("/v1/payment_methods/([^/]+)/attach");
    private static final Pattern SUBSCRIPTION = Pattern.compile("/v1/subscriptions/([^/]+)");

    private LocalServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    private StripeStandIn() {}

    /** Starts a stand-in on a free port of 127.0.0.1. */
    public static StripeStandIn start() {
        StripeStandIn standIn = new StripeStandIn();
        standIn.server = LocalServer.start("stripe-stand-in", standIn::handle);
        return standIn;
    }

    /** What to set as Stripe's API base ({@code STRIPE_API_BASE}): stripe-java adds {@code /v1/…}. */
    public String apiBase() {
        return server.baseUrl();
    }

    /** The next call (only that one) is answered with this status and a Stripe error body. */
    public StripeStandIn failNext(int status) {
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

    /** The requests to one path, e.g. {@code /v1/customers}. */
    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * One request as it arrived. Header names are matched without regard to case; parameters keep
     * Stripe's bracketed names ({@code line_items[0][price]}).
     */
    public record Received(String method, String path, Map<String, List<String>> headers, Map<String, String> params) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String param(String name) {
            return params.get(name);
        }

        public String idempotencyKey() {
            return header("Idempotency-Key");
        }
    }

    // ---- serving

    private void handle(HttpExchange exchange) {
        try {
            Received request = record(exchange);
            int failure = failNext.getAndSet(0);
            if (!("Bearer " + SECRET_KEY).equals(request.header("Authorization"))) {
                send(exchange, 401, error("invalid_request_error", "Invalid API Key provided"));
            } else if (failure > 0) {
                send(exchange, failure, error("api_error", "stand-in told to fail"));
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
        String path = request.path();
        Matcher attach = ATTACH.matcher(path);
        Matcher subscription = SUBSCRIPTION.matcher(path);
        if (!request.method().equals("POST")) {
            send(exchange, 404, error("invalid_request_error", "Unrecognized request URL"));
        } else if (path.equals("/v1/customers")) {
            send(exchange, 200, customer(request.params()));
        } else if (path.equals("/v1/checkout/sessions") && !expiresInStripesWindow(request.param("expires_at"))) {
            send(exchange, 400, error("invalid_request_error", "expires_at must be 30 minutes to 24 hours from now"));
        } else if (path.equals("/v1/checkout/sessions")) {
            send(exchange, 200, checkoutSession(request.params()));
        } else if (attach.matches()) {
            send(exchange, 200, paymentMethod(attach.group(1), request.params()));
        } else if (path.equals("/v1/subscriptions")) {
            send(exchange, 200, newSubscription(request.params()));
        } else if (subscription.matches()) {
            send(exchange, 200, updatedSubscription(subscription.group(1), request.params()));
        } else {
            send(exchange, 404, error("invalid_request_error", "Unrecognized request URL (POST: " + path + ")"));
        }
    }

    /** Stripe's window for a session's end, by this machine's clock (tests move the platform's clock only forward). */
    private static boolean expiresInStripesWindow(String expiresAt) {
        if (expiresAt == null) {
            return true;
        }
        long now = Instant.now().getEpochSecond();
        long at = Long.parseLong(expiresAt);
        return at >= now + 30 * 60 && at <= now + 24 * 60 * 60;
    }

    private Received record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = form(body);
        params.putAll(form(query));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        Received request = new Received(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, Map.copyOf(params));
        received.add(request);
        return request;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    // ---- Stripe's objects

    /** Unique across runs too: the mysql mode keeps its database between them. */
    private String nextId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private ObjectNode customer(Map<String, String> params) {
        ObjectNode customer = object("customer", nextId("cus"));
        customer.put("email", params.get("email"));
        customer.put("name", params.get("name"));
        customer.set("metadata", metadata(params, "metadata"));
        customer.putNull("invoice_settings");
        return customer;
    }

    private ObjectNode checkoutSession(Map<String, String> params) {
        String id = nextId("cs_test");
        ObjectNode session = object("checkout.session", id);
        session.put("mode", params.get("mode"));
        session.put("status", "open");
        session.put("customer", params.get("customer"));
        session.put("client_reference_id", params.get("client_reference_id"));
        session.put("success_url", params.get("success_url"));
        session.put("cancel_url", params.get("cancel_url"));
        session.put("url", "https://checkout.stripe.com/c/pay/" + id);
        if (params.get("expires_at") != null) {
            session.put("expires_at", Long.parseLong(params.get("expires_at")));
        }
        session.set("metadata", metadata(params, "metadata"));
        session.putNull("subscription");
        return session;
    }

    private ObjectNode paymentMethod(String id, Map<String, String> params) {
        ObjectNode method = object("payment_method", id);
        method.put("type", "card");
        method.put("customer", params.get("customer"));
        method.putObject("card")
                .put("brand", "visa")
                .put("last4", "4242")
                .put("exp_month", 12)
                .put("exp_year", 2030);
        return method;
    }

    private ObjectNode newSubscription(Map<String, String> params) {
        ObjectNode subscription = subscription(nextId("sub"), params.get("customer"), "incomplete", false);
        subscription.put("default_payment_method", params.get("default_payment_method"));
        subscription.set("metadata", metadata(params, "metadata"));
        ObjectNode item = subscription
                .putObject("items")
                .put("object", "list")
                .putArray("data")
                .addObject();
        item.put("id", nextId("si")).put("object", "subscription_item").put("quantity", 1);
        item.put("current_period_start", 1_700_000_000L).put("current_period_end", 1_702_592_000L);
        item.putObject("price").put("id", params.get("items[0][price]")).put("object", "price");
        String invoiceId = nextId("in");
        if (params.containsValue("latest_invoice.confirmation_secret")) {
            ObjectNode invoice = object("invoice", invoiceId);
            invoice.put("status", "open");
            invoice.putObject("confirmation_secret")
                    .put("client_secret", nextId("pi") + "_secret_standin")
                    .put("type", "payment_intent");
            subscription.set("latest_invoice", invoice);
        } else {
            subscription.put("latest_invoice", invoiceId);
        }
        return subscription;
    }

    private ObjectNode updatedSubscription(String id, Map<String, String> params) {
        return subscription(id, nextId("cus"), "active", Boolean.parseBoolean(params.get("cancel_at_period_end")));
    }

    private static ObjectNode subscription(String id, String customer, String status, boolean cancelAtPeriodEnd) {
        ObjectNode subscription = object("subscription", id);
        subscription.put("customer", customer);
        subscription.put("status", status);
        subscription.put("cancel_at_period_end", cancelAtPeriodEnd);
        return subscription;
    }

    private static ObjectNode object(String type, String id) {
        ObjectNode object = JSON.createObjectNode();
        object.put("id", id);
        object.put("object", type);
        object.put("created", 1_700_000_000L);
        object.put("livemode", false);
        return object;
    }

    /** {@code metadata[key]=value} parameters as Stripe's metadata object. */
    private static ObjectNode metadata(Map<String, String> params, String prefix) {
        ObjectNode metadata = JSON.createObjectNode();
        params.forEach((name, value) -> {
            if (name.startsWith(prefix + "[") && name.endsWith("]") && name.indexOf('[', prefix.length() + 1) < 0) {
                metadata.put(name.substring(prefix.length() + 1, name.length() - 1), value);
            }
        });
        return metadata;
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("error").put("type", type).put("message", message);
        return answer;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_standin");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
