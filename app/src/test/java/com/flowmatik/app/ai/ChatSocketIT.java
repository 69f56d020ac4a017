package com.flowmatik.app.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The chat over WebSocket: the same deltas, usage and refusals as over HTTP. */
class ChatSocketIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aChatOverWebSocketStreamsDeltasAndEndsWithTheUsage() throws Exception {
        String token = api.register(uniqueEmail("socket"), "socket-password", "Socket");
        AI.reply("Streaming over a socket", 14, 4);
        Messages messages = new Messages();
        WebSocket socket = connect("?access_token=" + token, messages);

        socket.sendText("{\"message\":\"Hello socket\"}", true).join();
        List<JsonNode> received = messages.until("done");

        StringBuilder content = new StringBuilder();
        received.stream()
                .filter(m -> m.path("type").asString().equals("delta"))
                .forEach(m -> content.append(m.path("content").asString()));
        JsonNode done = received.get(received.size() - 1).path("answer");
        assertThat(content.toString()).isEqualTo("Streaming over a socket");
        assertThat(done.path("usage").path("promptTokens").asLong()).isEqualTo(14);
        assertThat(done.path("usage").path("completionTokens").asLong()).isEqualTo(4);
        assertThat(done.path("conversationId").asString()).isNotBlank();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void anInvalidRequestAndAnotherUsersConversationAreErrorMessages() throws Exception {
        String ada = api.register(uniqueEmail("ada-ws"), "socket-password", "Ada");
        String eve = api.register(uniqueEmail("eve-ws"), "socket-password", "Eve");
        String conversationId = api.post("/api/ai/chat", java.util.Map.of("message", "Mine"), ada)
                .json()
                .path("conversationId")
                .asString();
        Messages messages = new Messages();
        WebSocket socket = connect("?access_token=" + eve, messages);

        socket.sendText("{\"message\":\"\"}", true).join();
        JsonNode invalid = messages.until("error").get(0);
        socket.sendText("{\"message\":\"Let me in\",\"conversationId\":\"" + conversationId + "\"}", true)
                .join();
        JsonNode notFound = messages.until("error").get(0);

        assertThat(invalid.path("status").asInt()).isEqualTo(400);
        assertThat(invalid.path("problem").asString()).isEqualTo("validation");
        assertThat(invalid.path("problemType").asString()).endsWith("/validation");
        assertThat(invalid.path("errors").get(0).path("field").asString()).isEqualTo("message");
        assertThat(notFound.path("status").asInt()).isEqualTo(404);
        assertThat(notFound.path("problemType").asString()).endsWith("/not-found");

        socket.sendText("not json", true).join();
        JsonNode malformed = messages.until("error").get(0);
        assertThat(malformed.path("status").asInt()).isEqualTo(400);
        assertThat(malformed.path("problemType").asString()).endsWith("/malformed-request");
    }

    @Test
    void repliesWrittenAtOnceByTheReaderAndTheAnsweringThreadAllArrive() throws Exception {
        String token = api.register(uniqueEmail("socket-burst"), "socket-password", "Burst");
        AI.reply("word ".repeat(200).trim(), 20, 200);
        Messages messages = new Messages();
        WebSocket socket = connect("?access_token=" + token, messages);

        socket.sendText("{\"message\":\"Stream while I misbehave\"}", true).join();
        int malformed = 100;
        for (int i = 0; i < malformed; i++) {
            socket.sendText("not json " + i, true).join();
        }

        List<JsonNode> received = new ArrayList<>();
        while (received.stream()
                                .filter(m -> m.path("type").asString().equals("error"))
                                .count()
                        < malformed
                || received.stream().noneMatch(m -> m.path("type").asString().equals("done"))) {
            JsonNode message = messages.queue.poll(15, TimeUnit.SECONDS);
            assertThat(message)
                    .as("a reply before the timeout; so far %s", received)
                    .isNotNull();
            received.add(message);
        }
        assertThat(received)
                .filteredOn(m -> m.path("type").asString().equals("error"))
                .allSatisfy(error ->
                        assertThat(error.path("problemType").asString()).endsWith("/malformed-request"));
        socket.sendText("{\"message\":\"\"}", true).join();
        assertThat(messages.until("error").get(0).path("status").asInt())
                .as("the socket stays open after the burst")
                .isEqualTo(400);
    }

    @Test
    void aHandshakeWithoutATokenIsRefused() {
        Messages messages = new Messages();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> connect("", messages)))
                .isInstanceOf(CompletionException.class);
    }

    private WebSocket connect(String query, Messages messages) {
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/chat" + query), messages)
                .join();
    }

    /** Collects whole text messages as JSON. */
    private static final class Messages implements WebSocket.Listener {

        private final LinkedBlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        /** The messages up to and including the first of the given type. */
        List<JsonNode> until(String type) throws InterruptedException {
            List<JsonNode> received = new ArrayList<>();
            while (true) {
                JsonNode message = queue.poll(15, TimeUnit.SECONDS);
                assertThat(message).as("a message before the timeout").isNotNull();
                if (!message.path("type").asString().equals(type)) {
                    received.add(message);
                    continue;
                }
                received.add(message);
                return type.equals("error") ? List.of(message) : received;
            }
        }
    }
}
