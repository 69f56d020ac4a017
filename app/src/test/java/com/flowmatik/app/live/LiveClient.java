package com.flowmatik.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A {@code /ws} client for the tests: connects, and hands over the messages it receives in order. */
final class LiveClient implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Connects with {@code ?access_token=} as a browser does, and waits for the welcome. */
    static LiveClient connect(int port, String token) throws InterruptedException {
        LiveClient client = new LiveClient();
        client.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws?access_token=" + token), client)
                .join();
        client.next(message -> message.path("type").asString().equals("connected"));
        return client;
    }

    /** Connects with an {@code Authorization} header, and waits for the welcome. */
    static LiveClient connectWithHeader(int port, String token) throws InterruptedException {
        LiveClient client = new LiveClient();
        client.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), client)
                .join();
        client.next(message -> message.path("type").asString().equals("connected"));
        return client;
    }

    void send(Map<String, String> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    /** The next message that matches, skipping the others; fails after 15 seconds. */
    JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            JsonNode message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(message).as("a matching message before the timeout").isNotNull();
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** The next message of the type, skipping others. */
    JsonNode next(String type) throws InterruptedException {
        return next(message -> message.path("type").asString().equals(type));
    }

    /** The next notification, whatever its kind: no other notification may come before an expected one. */
    JsonNode nextNotification() throws InterruptedException {
        return next("notification");
    }

    /** Notifications that arrive within {@code wait}. */
    List<JsonNode> notificationsWithin(Duration wait) throws InterruptedException {
        List<JsonNode> notifications = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        JsonNode message;
        while ((message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (message.path("type").asString().equals("notification")) {
                notifications.add(message);
            }
        }
        return notifications;
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return CompletableFuture.completedFuture(null);
    }
}
