package com.flowmatik.command.ai.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole (not streamed) chat answer without the OpenAI SDK: the request's JSON in one POST through
 * OkHttp, the answer read with Jackson. Under the chat benchmark the SDK took about a quarter of the
 * request threads' samples for this one call (a JSON round trip through Jackson 2 and Kotlin
 * reflection, and a new OkHttp client built for every call). The wire format is OpenAI's
 * {@code /chat/completions}, and the failures are those {@link ProviderFailures} gives for the SDK's:
 * an error status is {@link ProviderFailed} with it, a timeout {@link ProviderTimedOut}, a provider
 * that cannot be reached {@link ProviderUnavailable}, an answer that cannot be read {@link
 * ProviderFailed} with status 0. Streams and images stay on the SDK.
 */
final class OpenAiChat {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final int ERROR_TEXT = 300;

    private final String provider;
    private final HttpUrl url;
    private final String authorization;
    private final OkHttpClient http;
    private final JsonMapper json;

    OpenAiChat(String provider, String baseUrl, String apiKey, OkHttpClient http, JsonMapper json) {
        this.provider = provider;
        this.url = HttpUrl.get(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.authorization = "Bearer " + apiKey;
        this.http = http;
        this.json = json;
    }

    ChatCompletion complete(ChatRequest request) {
        Request call = new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .post(RequestBody.create(body(request), JSON_TYPE))
                .build();
        byte[] answer;
        int status;
        try (Response response = http.newCall(call).execute()) {
            ResponseBody body = response.body();
            answer = body == null ? new byte[0] : body.bytes();
            status = response.code();
        } catch (InterruptedIOException timedOut) {
            throw new ProviderTimedOut(provider + " did not answer in time", null, timedOut);
        } catch (IOException failed) {
            if (ProviderFailures.unreachable(failed)) {
                throw new ProviderUnavailable(
                        provider + " cannot be reached: " + ProviderFailures.rootMessage(failed), failed);
            }
            throw new ProviderFailed(
                    provider + "'s answer broke off: " + ProviderFailures.rootMessage(failed), 0, null, failed);
        }
        if (status < 200 || status > 299) {
            throw new ProviderFailed(provider + " answered " + status + ": " + errorText(answer), status, null, null);
        }
        return completion(answer);
    }

    /**
     * {@code max_tokens} rather than {@code max_completion_tokens}: SiliconFlow and other compatible
     * providers read only the former, and OpenAI still accepts it for chat models.
     */
    private byte[] body(ChatRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            String role = switch (message.role()) {
                case "system", "assistant" -> message.role();
                default -> "user";
            };
            messages.addObject().put("role", role).put("content", message.content());
        }
        if (request.maxTokens() != null) {
            body.put("max_tokens", request.maxTokens().longValue());
        }
        return json.writeValueAsBytes(body);
    }

    private ChatCompletion completion(byte[] answer) {
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (JacksonException unreadable) {
            throw new ProviderFailed(
                    provider + " gave an unusable answer: " + unreadable.getOriginalMessage(), 0, null, unreadable);
        }
        if (root == null || !root.isObject()) {
            throw new ProviderFailed(provider + " gave an unusable answer: not a JSON object", 0, null, null);
        }
        TokenUsage usage = usage(root.path("usage"));
        JsonNode choice = root.path("choices").path(0);
        if (!choice.isObject()) {
            throw new ProviderFailed(provider + " answered without a choice", 0, usage, null);
        }
        JsonNode content = choice.path("message").path("content");
        JsonNode finishReason = choice.path("finish_reason");
        return new ChatCompletion(
                content.isString() ? content.asString() : "",
                usage,
                finishReason.isString() ? finishReason.asString() : null);
    }

    /** The usage as the provider reported it, or null when it reported none. */
    private static TokenUsage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return null;
        }
        return new TokenUsage(
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0),
                usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
    }

    /** The error's own message when the body is OpenAI's error shape, else the start of the body. */
    private String errorText(byte[] answer) {
        try {
            JsonNode message = json.readTree(answer).path("error").path("message");
            if (message.isString()) {
                return message.asString();
            }
        } catch (JacksonException notJson) {
            // the body itself, below
        }
        String text = new String(answer, StandardCharsets.UTF_8);
        return text.length() > ERROR_TEXT ? text.substring(0, ERROR_TEXT) + "…" : text;
    }
}
