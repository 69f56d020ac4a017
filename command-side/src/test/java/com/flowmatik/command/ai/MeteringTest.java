package com.flowmatik.command.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.CompleteAiRequest;
import com.flowmatik.api.usage.FailAiRequest;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.StartAiRequest;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.ChatMessage;
import com.flowmatik.command.ai.provider.ModelCatalogue;
import com.flowmatik.command.ai.provider.ProviderUnavailable;
import com.flowmatik.command.ai.provider.TokenCounter;
import com.flowmatik.command.ai.provider.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.util.JdkIdGenerator;

/** Whatever fails after a call's start, the request is closed: none stays open for ever. */
class MeteringTest {

    private static final AiModel MODEL = new AiModel("m", "offline", AiModel.CHAT, 8192, 1_000_000, 2_000_000);
    private static final List<ChatMessage> PROMPT = List.of(ChatMessage.user("Hello"));

    final CommandGateway commands = mock(CommandGateway.class);
    final ModelCatalogue catalogue = mock(ModelCatalogue.class);
    final Metering metering = new Metering(
            commands,
            catalogue,
            new TokenCounter(),
            Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC),
            new JdkIdGenerator());
    final UserId user = UserId.random();

    @BeforeEach
    void allowEveryStart() {
        when(commands.sendAndWait(isA(StartAiRequest.class))).thenReturn(QuotaDecision.allow());
    }

    @Test
    void aFailureAfterTheAnswerButBeforeTheChargeFailsTheRequestWithTheAnswersUsage() {
        TokenUsage usage = new TokenUsage(12, 30, 0);

        assertThatThrownBy(() -> metering.meter(user, null, RequestKind.CHAT, MODEL, open -> {
                    open.completion(usage, PROMPT, "Hi");
                    throw new IllegalStateException("the turn could not be recorded");
                }))
                .isInstanceOf(IllegalStateException.class);

        FailAiRequest failed = failure();
        assertThat(failed.served()).isTrue();
        assertThat(failed.promptTokens()).isEqualTo(12);
        assertThat(failed.completionTokens()).isEqualTo(30);
        assertThat(failed.reason()).isEqualTo("failed: IllegalStateException");
    }

    @Test
    void aFailureBeforeAnyAnswerClosesTheRequestAsNeverServed() {
        assertThatThrownBy(() -> metering.meter(user, null, RequestKind.CONTENT, MODEL, open -> {
                    throw new IllegalArgumentException("could not build the request");
                }))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(failure().served()).isFalse();
    }

    @Test
    void aProviderThatCouldNotBeReachedClosesTheRequestAsNeverServed() {
        assertThatThrownBy(() -> metering.meter(user, null, RequestKind.CHAT, MODEL, open -> {
                    throw new ProviderUnavailable("down", null);
                }))
                .isInstanceOf(ProviderUnavailable.class);

        FailAiRequest failed = failure();
        assertThat(failed.served()).isFalse();
        assertThat(failed.reason()).isEqualTo("provider-unavailable");
    }

    @Test
    void aChargedCallIsNotFailedByWhatFollowsTheCharge() {
        assertThatThrownBy(() -> metering.meter(user, null, RequestKind.IMAGE, MODEL, open -> {
                    open.complete(new TokenUsage(1, 1, 0), PROMPT, "");
                    throw new IllegalStateException("keeping the image failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        verify(commands).sendAndWait(isA(CompleteAiRequest.class));
        verify(commands, never()).sendAndWait(isA(FailAiRequest.class));
    }

    @Test
    void aFailureToCloseIsKeptWithTheFailureItFollowed() {
        when(commands.sendAndWait(isA(FailAiRequest.class))).thenThrow(new IllegalStateException("store down"));

        assertThatThrownBy(() -> metering.meter(user, null, RequestKind.CHAT, MODEL, open -> {
                    throw new IllegalArgumentException("broken");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).hasSize(1));
    }

    private FailAiRequest failure() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, atLeastOnce()).sendAndWait(sent.capture());
        return sent.getAllValues().stream()
                .filter(FailAiRequest.class::isInstance)
                .map(FailAiRequest.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no FailAiRequest sent: " + sent.getAllValues()));
    }
}
