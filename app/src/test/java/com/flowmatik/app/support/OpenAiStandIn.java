package com.flowmatik.app.support;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local server on 127.0.0.1 that speaks the OpenAI wire format, standing in for SiliconFlow:
 * {@code POST /v1/chat/completions} (whole, or streamed as {@code text/event-stream} with a final
 * usage chunk when {@code stream_options.include_usage} asks for it), {@code POST
 * /v1/images/generations} and {@code GET /v1/models}. It records every request it received, so a
 * test can assert what the platform sent and how many calls arrived, and a test tells it how to
 * answer: the content and usage, an error status, a delay, no usage, a stream that fails midway.
 * Untold, it answers "Hello from the stand-in." with 12 prompt and 6 completion tokens. What it was
 * told holds until {@link #reset()}. Built on the JDK's HTTP server: no dependency. Requests without
 * {@code Authorization: Bearer …} get 401, as a real provider answers them.
 */
public final class OpenAiStandIn implements AutoCloseable {

    /** The API key tests configure the provider with. */
    public static final String API_KEY = "stand-in-key";
    /** A 1×1 PNG, served for the image URLs the stand-in hands out. */
    public static final byte[] TINY_PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Script> script = new AtomicReference<>(new Script());

    private OpenAiStandIn() {}

    /** Starts a stand-in on a free port of 127.0.0.1. */
    public static OpenAiStandIn start() {
        OpenAiStandIn standIn = new OpenAiStandIn();
        standIn.server = LocalServer.start("openai-stand-in", standIn::handle);
        return standIn;
    }

    /** What to set as the provider's base URL ({@code SILICONFLOW_BASE_URL}). */
    public String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    // ---- what to answer

    /** Answer chats with this content and this usage. */
    public OpenAiStandIn reply(String content, long promptTokens, long completionTokens) {
        return reply(content, promptTokens, completionTokens, 0);
    }

    /** Answer chats with this content and this usage, reasoning tokens reported among the completion tokens. */
    public OpenAiStandIn reply(String content, long promptTokens, long completionTokens, long reasoningTokens) {
        return change(s -> {
            s.content = content;
            s.usage = new Usage(promptTokens, completionTokens, reasoningTokens);
        });
    }

    /** Report no usage at all, as some providers do. */
    public OpenAiStandIn withoutUsage() {
        return change(s -> s.usage = null);
    }

    /** Answer every call with this status and an OpenAI error body. */
    public OpenAiStandIn failWith(int status) {
        return change(s -> s.errorStatus = status);
    }

    /** Answer every call with 200 and a body that is not JSON. */
    public OpenAiStandIn answerGarbage() {
        return change(s -> s.garbage = true);
    }

    /** Answer whole chats with 200, the usage and an empty {@code choices} list. */
    public OpenAiStandIn answerWithoutChoices() {
        return change(now -> now.noChoices = true);
    }

    /** Wait this long before answering (longer than the platform's read timeout, to provoke one). */
    public OpenAiStandIn delay(Duration delay) {
        return change(s -> s.delay = delay);
    }

    /** In a stream, send an error event after this many content deltas instead of the rest. */
    public OpenAiStandIn failMidStream(int afterDeltas) {
        return change(s -> {
            s.breakAfter = afterDeltas;
            s.stall = null;
        });
    }

    /** In a stream, fall silent for this long after this many content deltas. */
    public OpenAiStandIn stallMidStream(int afterDeltas, Duration stall) {
        return change(s -> {
            s.breakAfter = afterDeltas;
            s.stall = stall;
        });
    }

    /** In a stream, carry the usage so far in every chunk, as SiliconFlow does. */
    public OpenAiStandIn usageInEveryChunk() {
        return change(s -> s.usageInEveryChunk = true);
    }

    /** Answer image requests as SiliconFlow does ({@code images[].url}) instead of OpenAI's {@code data[]}. */
    public OpenAiStandIn siliconFlowImages() {
        return change(s -> s.siliconFlowImages = true);
    }

    /** Back to the default answer, and forget what was received. */
    public void reset() {
        script.set(new Script());
        received.clear();
    }

    // ---- what was received

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests to one path, e.g. {@code /v1/chat/completions}. */
    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** How many chat calls arrived, streamed or not. */
    public int chatCalls() {
        return received("/v1/chat/completions").size();
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

    /** Token counts to report, in OpenAI's {@code usage} shape. */
    record Usage(long promptTokens, long completionTokens, long reasoningTokens) {}

    // ---- serving

    /** Changes a copy, so a request being answered keeps the script it started with. */
    private OpenAiStandIn change(Consumer<Script> change) {
        script.updateAndGet(current -> {
            Script next = new Script(current);
            change.accept(next);
            return next;
        });
        return this;
    }

    private void handle(HttpExchange exchange) {
        try {
            Received request = record(exchange);
            Script now = script.get();
            sleep(now.delay);
            String auth = request.header("Authorization");
            if (request.method().equals("GET") && request.path().startsWith("/files/")) {
                // generated images are public, short-lived URLs, as at real providers
                sendBytes(exchange, 200, "image/png", TINY_PNG);
            } else if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= "Bearer ".length()) {
                sendJson(exchange, 401, StandInAnswers.error("Invalid API key", "invalid_request_error"));
            } else if (now.errorStatus > 0) {
                sendJson(exchange, now.errorStatus, StandInAnswers.error("stand-in told to fail", "server_error"));
            } else if (now.garbage) {
                sendBytes(exchange, 200, "text/html", "<html>not an answer</html>".getBytes(StandardCharsets.UTF_8));
            } else {
                route(exchange, request, now);
            }
        } catch (IOException clientWentAway) {
            // A client that timed out closed the connection while this answer was still being
            // written; the request was recorded, which is all a timeout test asks of the stand-in.
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, Received request, Script now) throws IOException {
        String route = request.method() + " " + request.path();
        switch (route) {
            case "POST /v1/chat/completions" -> {
                if (request.body().path("stream").asBoolean(false)) {
                    stream(exchange, request, now);
                } else {
                    ObjectNode answer = StandInAnswers.completion(request.body(), now.content, now.usage);
                    if (now.noChoices) {
                        answer.putArray("choices");
                    }
                    sendJson(exchange, 200, answer);
                }
            }
            case "POST /v1/images/generations" ->
                sendJson(
                        exchange,
                        200,
                        StandInAnswers.images(request.body(), now.usage, now.siliconFlowImages, baseUrl()));
            case "GET /v1/models" -> sendJson(exchange, 200, StandInAnswers.models());
            default -> sendJson(exchange, 404, StandInAnswers.error("no route " + route, "invalid_request_error"));
        }
    }

    private void stream(HttpExchange exchange, Received request, Script now) throws IOException {
        boolean includeUsage =
                request.body().path("stream_options").path("include_usage").asBoolean(false);
        String model = request.body().path("model").asString("");
        List<String> deltas = StandInAnswers.deltas(now.content);
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        Usage everyChunk = now.usageInEveryChunk ? now.usage : null;
        event(
                out,
                StandInAnswers.chunk(
                        model,
                        StandInAnswers.delta("role", "assistant", "content", ""),
                        null,
                        StandInAnswers.soFar(everyChunk, 0, deltas.size())));
        for (int i = 0; i < deltas.size(); i++) {
            if (i == now.breakAfter) {
                if (now.stall == null) {
                    event(out, StandInAnswers.error("stand-in failed mid-stream", "server_error"));
                    return;
                }
                sleep(now.stall);
            }
            event(
                    out,
                    StandInAnswers.chunk(
                            model,
                            StandInAnswers.delta("content", deltas.get(i)),
                            null,
                            StandInAnswers.soFar(everyChunk, i + 1, deltas.size())));
        }
        event(
                out,
                StandInAnswers.chunk(
                        model,
                        StandInAnswers.delta(),
                        "stop",
                        StandInAnswers.soFar(everyChunk, deltas.size(), deltas.size())));
        if (includeUsage && now.usage != null) {
            event(out, StandInAnswers.usageChunk(model, now.usage));
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
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

    private static void event(OutputStream out, ObjectNode data) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sendJson(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        sendBytes(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] bytes)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration duration) {
        if (duration == null || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** How to answer; changed only on a copy (see {@link #change}), so a published one never changes. */
    private static final class Script {

        String content = "Hello from the stand-in.";
        /** null: report none. */
        Usage usage = new Usage(12, 6, 0);
        /** 0: answer normally. */
        int errorStatus;

        boolean garbage;
        boolean noChoices;
        Duration delay = Duration.ZERO;
        /** -1: stream every delta. */
        int breakAfter = -1;
        /** null: break a stream with an error event at {@code breakAfter}; else fall silent this long. */
        Duration stall;

        boolean usageInEveryChunk;
        boolean siliconFlowImages;

        Script() {}

        Script(Script other) {
            content = other.content;
            usage = other.usage;
            errorStatus = other.errorStatus;
            garbage = other.garbage;
            noChoices = other.noChoices;
            delay = other.delay;
            breakAfter = other.breakAfter;
            stall = other.stall;
            usageInEveryChunk = other.usageInEveryChunk;
            siliconFlowImages = other.siliconFlowImages;
        }
    }

    /** The stand-in's JSON answers, shaped as OpenAI shapes them. */
    private static final class StandInAnswers {

        private StandInAnswers() {}

        static ObjectNode completion(JsonNode request, String content, Usage usage) {
            ObjectNode answer = JSON.createObjectNode();
            answer.put("id", "chatcmpl-stand-in");
            answer.put("object", "chat.completion");
            answer.put("created", 1_700_000_000L);
            answer.put("model", request.path("model").asString(""));
            ObjectNode choice = answer.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", content);
            choice.put("finish_reason", "stop");
            if (usage != null) {
                answer.set("usage", usage(usage));
            }
            return answer;
        }

        static List<String> deltas(String content) {
            return content.isEmpty() ? List.of() : List.of(content.split("(?<=\\s)"));
        }

        static ObjectNode delta(String... fields) {
            ObjectNode delta = JSON.createObjectNode();
            for (int i = 0; i < fields.length; i += 2) {
                delta.put(fields[i], fields[i + 1]);
            }
            return delta;
        }

        static ObjectNode chunk(String model, ObjectNode delta, String finishReason, Usage usage) {
            ObjectNode chunk = chunkFrame(model);
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
            if (usage != null) {
                chunk.set("usage", usage(usage));
            }
            return chunk;
        }

        /** OpenAI's last chunk with {@code include_usage}: no choices, only the usage. */
        static ObjectNode usageChunk(String model, Usage usage) {
            ObjectNode chunk = chunkFrame(model);
            chunk.putArray("choices");
            chunk.set("usage", usage(usage));
            return chunk;
        }

        /** The usage after {@code sent} of {@code total} deltas: all the prompt, a share of the completion. */
        static Usage soFar(Usage usage, int sent, int total) {
            if (usage == null) {
                return null;
            }
            long completion = total == 0 ? usage.completionTokens() : usage.completionTokens() * sent / total;
            return new Usage(usage.promptTokens(), completion, sent == total ? usage.reasoningTokens() : 0);
        }

        static ObjectNode images(JsonNode request, Usage usage, boolean siliconFlowShape, String baseUrl) {
            int count = request.path("n").asInt(request.path("batch_size").asInt(1));
            ObjectNode answer = JSON.createObjectNode();
            answer.put("created", 1_700_000_000L);
            ArrayNode images = answer.putArray(siliconFlowShape ? "images" : "data");
            for (int i = 1; i <= count; i++) {
                images.addObject().put("url", baseUrl.replace("/v1", "") + "/files/image-" + i + ".png");
            }
            if (usage != null && !siliconFlowShape) {
                ObjectNode reported = answer.putObject("usage");
                reported.put("input_tokens", usage.promptTokens());
                reported.put("output_tokens", usage.completionTokens());
                reported.put("total_tokens", usage.promptTokens() + usage.completionTokens());
                reported.putObject("input_tokens_details")
                        .put("text_tokens", usage.promptTokens())
                        .put("image_tokens", 0);
            }
            return answer;
        }

        static ObjectNode models() {
            ObjectNode answer = JSON.createObjectNode();
            answer.put("object", "list");
            ArrayNode data = answer.putArray("data");
            for (String id : List.of(
                    "deepseek-ai/DeepSeek-V3", "Qwen/Qwen2.5-7B-Instruct", "black-forest-labs/FLUX.1-schnell")) {
                data.addObject()
                        .put("id", id)
                        .put("object", "model")
                        .put("created", 0)
                        .put("owned_by", "stand-in");
            }
            return answer;
        }

        static ObjectNode error(String message, String type) {
            ObjectNode answer = JSON.createObjectNode();
            ObjectNode error = answer.putObject("error");
            error.put("message", message);
            error.put("type", type);
            error.putNull("param");
            error.putNull("code");
            return answer;
        }

        private static ObjectNode chunkFrame(String model) {
            ObjectNode chunk = JSON.createObjectNode();
            chunk.put("id", "chatcmpl-stand-in");
            chunk.put("object", "chat.completion.chunk");
            chunk.put("created", 1_700_000_000L);
            chunk.put("model", model);
            return chunk;
        }

        private static ObjectNode usage(Usage usage) {
            ObjectNode reported = JSON.createObjectNode();
            reported.put("prompt_tokens", usage.promptTokens());
            reported.put("completion_tokens", usage.completionTokens());
            reported.put("total_tokens", usage.promptTokens() + usage.completionTokens());
            if (usage.reasoningTokens() > 0) {
                reported.putObject("completion_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
            }
            return reported;
        }
    }
}
