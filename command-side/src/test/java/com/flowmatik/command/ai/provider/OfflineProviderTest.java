package com.flowmatik.command.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offline provider answers deterministically with no network and reports no usage of its chats,
 * so that they are metered like a real provider's that sends none: counted, priced and estimated.
 */
class OfflineProviderTest {

    static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    final OfflineProvider provider = new OfflineProvider(new TokenCounter());

    final List<ChatMessage> prompt = List.of(
            ChatMessage.system("You are a helpful writer."),
            ChatMessage.user("Draft a tagline"),
            ChatMessage.assistant("Sure."),
            ChatMessage.user("  Write   a tagline\nfor a bakery  "));

    @Test
    void itRepeatsWhatTheUserLastSaid() {
        ChatCompletion completion = provider.complete(new ChatRequest("offline", prompt, null));

        assertThat(completion.content()).isEqualTo("Offline model: you said \"Write a tagline for a bakery\"");
        assertThat(completion.finishReason()).isEqualTo("stop");
    }

    @Test
    void itReportsNoUsageSoTheMeteringCountsAndEstimatesIt() {
        ChatCompletion completion = provider.complete(new ChatRequest("offline", prompt, null));

        assertThat(completion.usage()).isNull();
    }

    @Test
    void theSameQuestionGetsTheSameAnswer() {
        ChatRequest request = new ChatRequest("offline", prompt, null);

        assertThat(provider.complete(request)).isEqualTo(provider.complete(request));
    }

    @Test
    void aStreamedAnswerComesInSeveralDeltasWithTheSameUsage() {
        ChatRequest request = new ChatRequest("offline", prompt, null);
        List<String> deltas = new ArrayList<>();

        ChatCompletion streamed = provider.stream(request, deltas::add);

        assertThat(deltas).hasSizeGreaterThan(3);
        assertThat(String.join("", deltas)).isEqualTo(streamed.content());
        assertThat(streamed).isEqualTo(provider.complete(request));
    }

    @Test
    void aListenerThatThrowsCancelsTheStream() {
        ChatRequest request = new ChatRequest("offline", prompt, null);

        assertThatThrownBy(() -> provider.stream(request, delta -> {
                    throw new IllegalStateException("gone");
                }))
                .isInstanceOf(StreamCancelled.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void maxTokensCutsTheAnswerAndSaysSo() {
        ChatCompletion completion = provider.complete(new ChatRequest("offline", prompt, 4));

        assertThat(completion.finishReason()).isEqualTo("length");
        assertThat(CL100K.countTokens(completion.content())).isEqualTo(4);
    }

    @Test
    void aLongMessageIsEchoedShortened() {
        String longMessage = "word ".repeat(100);

        String answer = provider.complete(new ChatRequest("offline", List.of(ChatMessage.user(longMessage)), null))
                .content();

        assertThat(answer).endsWith("…\"").hasSizeLessThan(250);
    }

    @Test
    void otherModelsNeedAConfiguredProvider() {
        assertThatThrownBy(() -> provider.complete(new ChatRequest("deepseek-ai/DeepSeek-V3", prompt, null)))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("SILICONFLOW_API_KEY");
        assertThatThrownBy(() -> provider.generateImage(new ImageRequest("offline", "a cat", 1, "64x64")))
                .isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void imagesAreTheSamePlaceholderEveryTime() {
        ImageGeneration images = provider.generateImage(new ImageRequest("offline-image", "a red kite", 2, "256x128"));

        assertThat(images.urls()).hasSize(2).containsOnly(images.urls().get(0));
        assertThat(images.b64()).isEmpty();
        String url = images.urls().get(0);
        assertThat(url).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)));
        assertThat(svg).contains("width=\"256\"", "height=\"128\"");
        assertThat(images.usage()).isEqualTo(new TokenUsage(CL100K.countTokens("a red kite"), 0, 0));
        assertThat(provider.generateImage(new ImageRequest("offline-image", "other", 1, "256x128"))
                        .urls())
                .containsExactly(url);
    }

    @Test
    void itIsAlwaysUp() {
        assertThat(provider.name()).isEqualTo("offline");
        assertThat(provider.status()).isEqualTo(CircuitState.CLOSED);
    }
}
