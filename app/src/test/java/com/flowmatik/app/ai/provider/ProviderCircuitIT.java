package com.flowmatik.app.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flowmatik.app.support.OpenAiStandIn;
import com.flowmatik.command.ai.provider.AiProperties;
import com.flowmatik.command.ai.provider.ChatMessage;
import com.flowmatik.command.ai.provider.ChatRequest;
import com.flowmatik.command.ai.provider.CircuitState;
import com.flowmatik.command.ai.provider.OpenAiCompatibleProvider;
import com.flowmatik.command.ai.provider.ProviderFailed;
import com.flowmatik.command.ai.provider.ProviderTimedOut;
import com.flowmatik.command.ai.provider.ProviderUnavailable;
import com.flowmatik.command.ai.provider.StreamCancelled;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker in front of the provider, over real HTTP against the stand-in: it opens after
 * failures that say the provider is unwell, then refuses calls without reaching the provider; it
 * stays closed for failures that say only that one request was wrong.
 */
class ProviderCircuitIT {

    static final OpenAiStandIn standIn = OpenAiStandIn.start();

    /** Open when half of the last four calls failed, and stay open for the whole test. */
    static final AiProperties.CircuitBreaker CIRCUIT =
            new AiProperties.CircuitBreaker(50, 4, 4, Duration.ofMinutes(5), 1);

    final OpenAiCompatibleProvider provider = new OpenAiCompatibleProvider(
            OpenAiCompatibleProviderIT.settings(standIn.baseUrl(), AiProperties.ImageApi.OPENAI, CIRCUIT));

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
    void afterEnoughFailuresTheCircuitOpensAndRefusesCallsWithoutReachingTheProvider() {
        standIn.failWith(500);
        for (int call = 0; call < 4; call++) {
            assertThatThrownBy(() -> provider.complete(question())).isInstanceOf(ProviderFailed.class);
        }

        assertThat(provider.status()).isEqualTo(CircuitState.OPEN);
        assertThatThrownBy(() -> provider.complete(question())).isInstanceOf(ProviderUnavailable.class);
        assertThatThrownBy(() -> provider.stream(question(), delta -> {})).isInstanceOf(ProviderUnavailable.class);
        assertThat(standIn.chatCalls()).isEqualTo(4);
    }

    @Test
    void timeoutsCountAsFailures() {
        standIn.delay(OpenAiCompatibleProviderIT.READ_TIMEOUT.multipliedBy(4));
        for (int call = 0; call < 4; call++) {
            assertThatThrownBy(() -> provider.complete(question())).isInstanceOf(ProviderTimedOut.class);
        }

        assertThat(provider.status()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void requestsTheProviderRightlyRefusedDoNotOpenTheCircuit() {
        standIn.failWith(400);
        for (int call = 0; call < 6; call++) {
            assertThatThrownBy(() -> provider.complete(question()))
                    .isInstanceOfSatisfying(
                            ProviderFailed.class,
                            failed -> assertThat(failed.status()).isEqualTo(400));
        }

        assertThat(provider.status()).isEqualTo(CircuitState.CLOSED);
        assertThat(standIn.chatCalls()).isEqualTo(6);
    }

    @Test
    void aListenerThatGoesAwayCancelsTheStreamWithoutOpeningTheCircuit() {
        standIn.reply("one two three four", 10, 4).usageInEveryChunk();
        for (int call = 0; call < 6; call++) {
            assertThatThrownBy(() -> provider.stream(question(), delta -> {
                        throw new IllegalStateException("the user closed the tab");
                    }))
                    .isInstanceOfSatisfying(
                            StreamCancelled.class,
                            cancelled ->
                                    assertThat(cancelled.usage().promptTokens()).isEqualTo(10));
        }

        assertThat(provider.status()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aProviderThatCannotBeReachedIsUnavailable() {
        OpenAiStandIn gone = OpenAiStandIn.start();
        String baseUrl = gone.baseUrl();
        gone.close();
        OpenAiCompatibleProvider unreachable = new OpenAiCompatibleProvider(
                OpenAiCompatibleProviderIT.settings(baseUrl, AiProperties.ImageApi.OPENAI, CIRCUIT));

        assertThatThrownBy(() -> unreachable.complete(question())).isInstanceOf(ProviderUnavailable.class);
        unreachable.close();
    }

    static ChatRequest question() {
        return new ChatRequest("deepseek-ai/DeepSeek-V3", List.of(ChatMessage.user("Hi")), null);
    }
}
