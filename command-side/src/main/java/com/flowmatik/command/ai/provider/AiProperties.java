package com.flowmatik.command.ai.provider;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AI provider and its models ({@code flowmatik.ai}). With no API key the offline provider
 * answers; everything else has a default, so the platform starts with no settings at all.
 *
 * @param providerName the provider's name on models and in {@code /api/ai/status} ({@code AI_PROVIDER_NAME})
 * @param baseUrl the OpenAI-compatible API's base URL, up to and including {@code /v1} ({@code SILICONFLOW_BASE_URL})
 * @param apiKey the provider's API key ({@code SILICONFLOW_API_KEY}); blank means offline
 * @param connectTimeout how long to wait for a connection ({@code AI_CONNECT_TIMEOUT})
 * @param readTimeout the longest silence while waiting for an answer or the next streamed chunk ({@code AI_TIMEOUT})
 * @param requestTimeout the longest a whole call may take, a stream included ({@code AI_REQUEST_TIMEOUT})
 * @param defaultModel the chat model used when a request names none ({@code AI_DEFAULT_MODEL})
 * @param defaultImageModel the image model used when a request names none ({@code AI_DEFAULT_IMAGE_MODEL})
 * @param imageApi how {@code /images/generations} takes count and size: {@code siliconflow}
 *     ({@code batch_size}, {@code image_size}) or {@code openai} ({@code n}, {@code size}) ({@code AI_IMAGE_API})
 * @param models the provider's models with their prices
 * @param circuitBreaker when to stop calling a failing provider
 */
@ConfigurationProperties("flowmatik.ai")
public record AiProperties(
        String providerName,
        String baseUrl,
        String apiKey,
        Duration connectTimeout,
        Duration readTimeout,
        Duration requestTimeout,
        String defaultModel,
        String defaultImageModel,
        ImageApi imageApi,
        List<Model> models,
        CircuitBreaker circuitBreaker) {

    public static final String SILICONFLOW_BASE_URL = "https://api.siliconflow.cn/v1";

    /** SiliconFlow's models; prices are its list prices in US micro-dollars per million tokens. */
    static final List<Model> SILICONFLOW_MODELS = List.of(
            new Model("deepseek-ai/DeepSeek-V3", "chat", 65_536, 270_000L, 1_100_000L, 0L),
            new Model("deepseek-ai/DeepSeek-R1", "chat", 65_536, 550_000L, 2_190_000L, 0L),
            new Model("Qwen/Qwen2.5-7B-Instruct", "chat", 32_768, 50_000L, 50_000L, 0L),
            new Model("black-forest-labs/FLUX.1-schnell", "image", 0, 0L, 0L, 3_000L));

    public AiProperties {
        providerName = blankToDefault(providerName, "siliconflow");
        baseUrl = blankToDefault(baseUrl, SILICONFLOW_BASE_URL);
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        connectTimeout = positiveOrDefault(connectTimeout, Duration.ofSeconds(10), "connect-timeout");
        readTimeout = positiveOrDefault(readTimeout, Duration.ofSeconds(60), "read-timeout");
        requestTimeout = positiveOrDefault(requestTimeout, Duration.ofMinutes(5), "request-timeout");
        defaultModel = blankToDefault(defaultModel, "deepseek-ai/DeepSeek-V3");
        defaultImageModel = blankToDefault(defaultImageModel, "black-forest-labs/FLUX.1-schnell");
        imageApi = imageApi == null ? ImageApi.SILICONFLOW : imageApi;
        models = models == null || models.isEmpty() ? SILICONFLOW_MODELS : List.copyOf(models);
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(null, null, null, null, null) : circuitBreaker;
    }

    /** Whether a real provider is configured; without a key the offline provider answers. */
    public boolean providerConfigured() {
        return apiKey != null;
    }

    /** The two shapes of an image request among OpenAI-compatible providers. */
    public enum ImageApi {
        /** {@code n} and {@code size}, as OpenAI and Volcengine Ark take them. */
        OPENAI,
        /** {@code batch_size} and {@code image_size}, as SiliconFlow takes them. */
        SILICONFLOW
    }

    /**
     * A model the provider serves, with its price.
     *
     * @param id the provider's model id
     * @param type {@code chat} or {@code image}
     * @param contextWindow the most tokens of prompt and answer together (0 for image models)
     * @param inputPricePerMTokensMicros the price of a million prompt tokens in micro-dollars
     * @param outputPricePerMTokensMicros the price of a million completion tokens in micro-dollars
     */
    public record Model(
            String id,
            String type,
            Integer contextWindow,
            Long inputPricePerMTokensMicros,
            Long outputPricePerMTokensMicros,
            Long pricePerImageMicros) {

        public Model {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("every flowmatik.ai.models entry needs an id");
            }
            if (!AiModel.CHAT.equals(type) && !AiModel.IMAGE.equals(type)) {
                throw new IllegalArgumentException("model " + id + ": type is chat or image, not " + type);
            }
            contextWindow = contextWindow == null ? 0 : contextWindow;
            inputPricePerMTokensMicros = inputPricePerMTokensMicros == null ? 0L : inputPricePerMTokensMicros;
            outputPricePerMTokensMicros = outputPricePerMTokensMicros == null ? 0L : outputPricePerMTokensMicros;
            pricePerImageMicros = pricePerImageMicros == null ? 0L : pricePerImageMicros;
            if (contextWindow < 0
                    || inputPricePerMTokensMicros < 0
                    || outputPricePerMTokensMicros < 0
                    || pricePerImageMicros < 0) {
                throw new IllegalArgumentException("model " + id + ": context window and prices are never negative");
            }
        }
    }

    /**
     * When the circuit opens: once at least {@code minimumNumberOfCalls} of the last {@code
     * slidingWindowSize} calls were made and {@code failureRateThreshold} percent of them failed, calls
     * are refused for {@code waitInOpenState}; then {@code permittedCallsInHalfOpenState} trial calls
     * decide whether it closes again.
     */
    public record CircuitBreaker(
            Integer failureRateThreshold,
            Integer slidingWindowSize,
            Integer minimumNumberOfCalls,
            Duration waitInOpenState,
            Integer permittedCallsInHalfOpenState) {

        public CircuitBreaker {
            failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
            slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
            minimumNumberOfCalls = minimumNumberOfCalls == null ? 10 : minimumNumberOfCalls;
            waitInOpenState = positiveOrDefault(waitInOpenState, Duration.ofSeconds(30), "wait-in-open-state");
            permittedCallsInHalfOpenState = permittedCallsInHalfOpenState == null ? 3 : permittedCallsInHalfOpenState;
            if (failureRateThreshold < 1 || failureRateThreshold > 100) {
                throw new IllegalArgumentException("circuit-breaker.failure-rate-threshold is a percentage, 1 to 100");
            }
            if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
                throw new IllegalArgumentException(
                        "circuit-breaker window, minimum calls and trial calls are at least 1");
            }
        }
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static Duration positiveOrDefault(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("flowmatik.ai " + name + " must be positive, was " + value);
        }
        return value;
    }
}
