package com.flowmatik.command.ai.provider;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider that speaks the OpenAI wire format at a configured base URL — SiliconFlow by default,
 * any compatible API (Volcengine Ark, OpenAI itself) by setting the URL — through the official
 * OpenAI Java client. The client never retries: a retried call may be billed twice, so a failure
 * goes back to the caller, who records it. A circuit breaker refuses calls while the provider fails.
 * A whole chat answer, the call every metered chat makes, goes through {@link OpenAiChat} instead of
 * the client: the same wire format without the client's per-call costs (README, Benchmarks).
 */
public final class OpenAiCompatibleProvider implements AiProvider, AutoCloseable {

    /**
     * Connections kept open to the provider between calls. OkHttp keeps 5 by default: with hundreds of
     * chats waiting on a slow provider at once, every call beyond those opened a TCP connection of its
     * own and closed it after one answer. An idle one is closed after {@link #IDLE_FOR} (OkHttp's own
     * default; the client wants both set or neither).
     */
    static final int IDLE_CONNECTIONS = 256;

    static final Duration IDLE_FOR = Duration.ofMinutes(5);

    private final String name;
    private final OpenAIClient client;
    private final OkHttpClient http;
    private final OpenAiChat chat;
    private final ProviderCircuit circuit;
    private final AiProperties.ImageApi imageApi;

    public OpenAiCompatibleProvider(AiProperties properties) {
        if (!properties.providerConfigured()) {
            throw new IllegalArgumentException("an OpenAI-compatible provider needs an API key");
        }
        this.name = properties.providerName();
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey())
                .maxRetries(0)
                .maxIdleConnections(IDLE_CONNECTIONS)
                .keepAliveDuration(IDLE_FOR)
                .timeout(Timeout.builder()
                        .connect(properties.connectTimeout())
                        .read(properties.readTimeout())
                        .request(properties.requestTimeout())
                        .build())
                .build();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .callTimeout(properties.requestTimeout())
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, IDLE_FOR.toMillis(), TimeUnit.MILLISECONDS))
                .build();
        this.chat = new OpenAiChat(
                name,
                properties.baseUrl(),
                properties.apiKey(),
                http,
                JsonMapper.builder().build());
        this.circuit = new ProviderCircuit(name, properties.circuitBreaker());
        this.imageApi = properties.imageApi();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CircuitState status() {
        return circuit.state();
    }

    @Override
    public ChatCompletion complete(ChatRequest request) {
        return circuit.call(() -> chat.complete(request));
    }

    @Override
    public ChatCompletion stream(ChatRequest request, Consumer<String> onDelta) {
        return circuit.call(() -> {
            StreamedAnswer answer = new StreamedAnswer();
            try (StreamResponse<ChatCompletionChunk> chunks =
                    client.chat().completions().createStreaming(OpenAiRequests.streamedChat(request))) {
                Iterator<ChatCompletionChunk> iterator = chunks.stream().iterator();
                while (iterator.hasNext()) {
                    answer.take(iterator.next(), onDelta);
                }
            } catch (OpenAIException failure) {
                throw ProviderFailures.translate(name, failure, answer.usage());
            }
            return answer.completion(name);
        });
    }

    @Override
    public ImageGeneration generateImage(ImageRequest request) {
        return circuit.call(() -> translated(
                () -> OpenAiAnswers.images(name, client.images().generate(OpenAiRequests.images(request, imageApi)))));
    }

    /** Releases the client's connections and threads when the application stops. */
    @Override
    public void close() {
        client.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (OpenAIException failure) {
            throw ProviderFailures.translate(name, failure, null);
        }
    }
}
