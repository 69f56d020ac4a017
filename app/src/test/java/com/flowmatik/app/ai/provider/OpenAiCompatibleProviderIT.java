package com.flowmatik.app.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flowmatik.app.support.OpenAiStandIn;
import com.flowmatik.command.ai.provider.AiProperties;
import com.flowmatik.command.ai.provider.ChatCompletion;
import com.flowmatik.command.ai.provider.ChatMessage;
import com.flowmatik.command.ai.provider.ChatRequest;
import com.flowmatik.command.ai.provider.ImageGeneration;
import com.flowmatik.command.ai.provider.ImageRequest;
import com.flowmatik.command.ai.provider.OpenAiCompatibleProvider;
import com.flowmatik.command.ai.provider.ProviderFailed;
import com.flowmatik.command.ai.provider.ProviderTimedOut;
import com.flowmatik.command.ai.provider.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAI-compatible provider over real HTTP against the stand-in: what it sends, that the usage
 * it reports is the provider's own, and what each kind of failure becomes.
 */
class OpenAiCompatibleProviderIT {

    static final String MODEL = "deepseek-ai/DeepSeek-V3";
    static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    static final OpenAiStandIn standIn = OpenAiStandIn.start();

    final OpenAiCompatibleProvider provider = new OpenAiCompatibleProvider(settings(AiProperties.ImageApi.OPENAI));

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @AfterEach
    void resetStandIn() {
        provider.close();
        standIn.reset();
    }

    @Test
    void aWholeAnswerReportsTheUsageTheProviderReported() {
        standIn.reply("Bonjour.", 21, 9, 4);

        ChatCompletion completion = provider.complete(question("Say hello in French"));

        assertThat(completion.content()).isEqualTo("Bonjour.");
        assertThat(completion.usage()).isEqualTo(new TokenUsage(21, 9, 4));
        assertThat(completion.finishReason()).isEqualTo("stop");
    }

    @Test
    void theRequestCarriesTheModelTheMessagesAndTheKey() {
        provider.complete(new ChatRequest(MODEL, List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi")), 64));

        assertThat(standIn.chatCalls()).isEqualTo(1);
        OpenAiStandIn.Received request =
                standIn.received("/v1/chat/completions").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + OpenAiStandIn.API_KEY);
        JsonNode body = request.body();
        assertThat(body.path("model").asString()).isEqualTo(MODEL);
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asString()).isEqualTo("Be brief.");
        assertThat(body.path("messages").get(1).path("role").asString()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asString()).isEqualTo("Hi");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void aStreamedAnswerArrivesInDeltasAndItsUsageComesFromTheFinalChunk() {
        standIn.reply("The quick brown fox jumps.", 30, 7);
        List<String> deltas = new ArrayList<>();

        ChatCompletion completion = provider.stream(question("Tell me about foxes"), deltas::add);

        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(String.join("", deltas)).isEqualTo("The quick brown fox jumps.");
        assertThat(completion.content()).isEqualTo("The quick brown fox jumps.");
        assertThat(completion.usage()).isEqualTo(new TokenUsage(30, 7, 0));
        assertThat(completion.finishReason()).isEqualTo("stop");
        JsonNode body = standIn.received("/v1/chat/completions").get(0).body();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        assertThat(body.path("model").asString()).isEqualTo(MODEL);
        assertThat(body.path("messages").get(0).path("content").asString()).isEqualTo("Tell me about foxes");
    }

    @Test
    void aProviderThatReportsNoUsageGivesNone() {
        standIn.reply("No numbers here.", 1, 1).withoutUsage();

        assertThat(provider.complete(question("Hi")).usage()).isNull();
        assertThat(provider.stream(question("Hi"), delta -> {}).usage()).isNull();
    }

    @Test
    void aServerErrorIsAProviderFailureAndIsNotRetried() {
        standIn.failWith(500);

        assertThatThrownBy(() -> provider.complete(question("Hi")))
                .isInstanceOfSatisfying(ProviderFailed.class, failed -> {
                    assertThat(failed.status()).isEqualTo(500);
                    assertThat(failed.usage()).isNull();
                });
        assertThat(standIn.chatCalls()).isEqualTo(1);
    }

    @Test
    void aRefusalCarriesItsStatusAndTheProvidersOwnMessage() {
        standIn.failWith(429);

        assertThatThrownBy(() -> provider.complete(question("Hi")))
                .isInstanceOfSatisfying(ProviderFailed.class, failed -> {
                    assertThat(failed.status()).isEqualTo(429);
                    assertThat(failed.getMessage()).contains("stand-in told to fail");
                });
        assertThat(standIn.chatCalls()).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutAChoiceIsAProviderFailureThatKeepsTheUsage() {
        standIn.reply("unused", 15, 3).answerWithoutChoices();

        assertThatThrownBy(() -> provider.complete(question("Hi")))
                .isInstanceOfSatisfying(ProviderFailed.class, failed -> {
                    assertThat(failed.status()).isZero();
                    assertThat(failed.usage()).isEqualTo(new TokenUsage(15, 3, 0));
                });
    }

    @Test
    void aServerErrorOnAStreamIsAProviderFailureAndIsNotRetried() {
        standIn.failWith(503);

        assertThatThrownBy(() -> provider.stream(question("Hi"), delta -> {}))
                .isInstanceOfSatisfying(
                        ProviderFailed.class,
                        failed -> assertThat(failed.status()).isEqualTo(503));
        assertThat(standIn.chatCalls()).isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNotJsonIsAProviderFailure() {
        standIn.answerGarbage();

        assertThatThrownBy(() -> provider.complete(question("Hi")))
                .isInstanceOfSatisfying(
                        ProviderFailed.class,
                        failed -> assertThat(failed.status()).isZero());
        assertThat(standIn.chatCalls()).isEqualTo(1);
    }

    @Test
    void anAnswerLaterThanTheReadTimeoutIsATimeoutAndIsNotRetried() {
        standIn.delay(READ_TIMEOUT.multipliedBy(4));

        assertThatThrownBy(() -> provider.complete(question("Hi"))).isInstanceOf(ProviderTimedOut.class);
        assertThat(standIn.chatCalls()).isEqualTo(1);
    }

    @Test
    void aStreamThatFailsMidwayCarriesTheUsageReportedSoFar() {
        standIn.reply("one two three four five six", 40, 12).usageInEveryChunk().failMidStream(3);
        List<String> deltas = new ArrayList<>();

        assertThatThrownBy(() -> provider.stream(question("Count"), deltas::add))
                .isInstanceOfSatisfying(ProviderFailed.class, failed -> {
                    assertThat(failed.usage().promptTokens()).isEqualTo(40);
                    assertThat(failed.usage().completionTokens()).isEqualTo(12 * 3 / 6);
                });
        assertThat(String.join("", deltas)).isEqualTo("one two three ");
    }

    @Test
    void aStreamThatFallsSilentIsATimeoutWithTheUsageReportedSoFar() {
        standIn.reply("one two three four", 40, 8).usageInEveryChunk().stallMidStream(2, READ_TIMEOUT.multipliedBy(4));

        assertThatThrownBy(() -> provider.stream(question("Count"), delta -> {}))
                .isInstanceOfSatisfying(
                        ProviderTimedOut.class,
                        timedOut -> assertThat(timedOut.usage()).isEqualTo(new TokenUsage(40, 4, 0)));
        assertThat(standIn.chatCalls()).isEqualTo(1);
    }

    @Test
    void imagesComeBackAsTheProviderGaveThem() {
        standIn.reply("unused", 14, 0);

        ImageGeneration images = provider.generateImage(
                new ImageRequest("black-forest-labs/FLUX.1-schnell", "a red kite", 2, "512x512"));

        assertThat(images.urls()).hasSize(2).allSatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:"));
        assertThat(images.b64()).isEmpty();
        assertThat(images.usage()).isEqualTo(new TokenUsage(14, 0, 0));
        JsonNode body = standIn.received("/v1/images/generations").get(0).body();
        assertThat(body.path("model").asString()).isEqualTo("black-forest-labs/FLUX.1-schnell");
        assertThat(body.path("prompt").asString()).isEqualTo("a red kite");
        assertThat(body.path("n").asInt()).isEqualTo(2);
        assertThat(body.path("size").asString()).isEqualTo("512x512");
    }

    @Test
    void siliconFlowImagesAreAskedForAndReadInItsOwnShape() {
        OpenAiCompatibleProvider siliconFlow =
                new OpenAiCompatibleProvider(settings(AiProperties.ImageApi.SILICONFLOW));
        standIn.siliconFlowImages();

        ImageGeneration images = siliconFlow.generateImage(
                new ImageRequest("black-forest-labs/FLUX.1-schnell", "a red kite", 3, "1024x576"));
        siliconFlow.close();

        assertThat(images.urls()).hasSize(3);
        assertThat(images.usage()).isNull();
        JsonNode body = standIn.received("/v1/images/generations").get(0).body();
        assertThat(body.path("batch_size").asInt()).isEqualTo(3);
        assertThat(body.path("image_size").asString()).isEqualTo("1024x576");
        assertThat(body.has("n")).isFalse();
    }

    static ChatRequest question(String text) {
        return new ChatRequest(MODEL, List.of(ChatMessage.user(text)), null);
    }

    static AiProperties settings(AiProperties.ImageApi imageApi) {
        return settings(standIn.baseUrl(), imageApi, null);
    }

    static AiProperties settings(String baseUrl, AiProperties.ImageApi imageApi, AiProperties.CircuitBreaker circuit) {
        return new AiProperties(
                "stand-in",
                baseUrl,
                OpenAiStandIn.API_KEY,
                Duration.ofSeconds(2),
                READ_TIMEOUT,
                Duration.ofSeconds(20),
                null,
                null,
                imageApi,
                null,
                circuit);
    }
}
