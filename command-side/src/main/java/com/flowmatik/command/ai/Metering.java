package com.flowmatik.command.ai;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.CompleteAiRequest;
import com.flowmatik.api.usage.FailAiRequest;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.StartAiRequest;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.ChatMessage;
import com.flowmatik.command.ai.provider.ModelCatalogue;
import com.flowmatik.command.ai.provider.ProviderException;
import com.flowmatik.command.ai.provider.ProviderFailed;
import com.flowmatik.command.ai.provider.ProviderTimedOut;
import com.flowmatik.command.ai.provider.ProviderUnavailable;
import com.flowmatik.command.ai.provider.StreamCancelled;
import com.flowmatik.command.ai.provider.TokenCounter;
import com.flowmatik.command.ai.provider.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * The metering every AI call goes through, whatever it produces: start it against the quota (a
 * refusal throws {@link QuotaExceeded} before any provider is called), then, through the one
 * template {@link #finish}, complete it with the provider's usage priced from the table, or fail it
 * charging only what the provider reported.
 */
@Component
public class Metering {

    private final CommandGateway commands;
    private final ModelCatalogue catalogue;
    private final TokenCounter tokens;
    private final Clock clock;
    private final IdGenerator ids;

    Metering(CommandGateway commands, ModelCatalogue catalogue, TokenCounter tokens, Clock clock, IdGenerator ids) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.tokens = tokens;
        this.clock = clock;
        this.ids = ids;
    }

    /** A metered call in progress. */
    public record Call(UserId userId, String requestId, AiModel model, Instant startedAt) {}

    /** What a completed call was charged. */
    public record Charge(TokenUsage usage, long costMicros, boolean estimated) {}

    public Call start(UserId userId, String parentRequestId, RequestKind kind, AiModel model) {
        String requestId = ids.generateId().toString();
        Instant startedAt = clock.instant();
        QuotaDecision decision = commands.sendAndWait(
                new StartAiRequest(userId, requestId, parentRequestId, kind, model.id(), startedAt));
        if (!decision.allowed()) {
            throw new QuotaExceeded(decision);
        }
        return new Call(userId, requestId, model, startedAt);
    }

    /** The command that charges a completed call, and what it charges. */
    public record Completion(CompleteAiRequest command, Charge charge) {}

    /** Starts a call ({@link #start}) and runs the rest of it through {@link #finish}. */
    public <R> R meter(
            UserId userId, String parentRequestId, RequestKind kind, AiModel model, Function<OpenCall, R> work) {
        return finish(start(userId, parentRequestId, kind, model), work);
    }

    /**
     * The one template of what follows a call's start: the provider call and the charge, written by
     * {@code work}. Whatever fails before the charge is recorded closes the request, and is rethrown:
     * a provider's failure as the provider reported it, a cancelled stream as {@code cancelled}, and
     * any other failure (while charging, recording the turn, reading the answer) as failed with the
     * usage known so far, or as never served when no answer had come. No request is left open.
     */
    public <R> R finish(Call call, Function<OpenCall, R> work) {
        OpenCall open = new OpenCall(call);
        try {
            return work.apply(open);
        } catch (RuntimeException failure) {
            if (!open.closed) {
                close(open, failure);
            }
            throw failure;
        }
    }

    /** A started call that is not charged yet. */
    public final class OpenCall {

        private final Call call;
        private TokenUsage answered;
        private boolean closed;

        private OpenCall(Call call) {
            this.call = call;
        }

        public Call call() {
            return call;
        }

        /**
         * Charges the usage the provider reported; when it reported none, a tokenizer's count of the
         * prompt and the answer, marked estimated. The call is closed.
         */
        public Charge complete(TokenUsage reported, List<ChatMessage> prompt, String answer) {
            Completion completion = completion(reported, prompt, answer);
            commands.sendAndWait(completion.command());
            closed = true;
            return completion.charge();
        }

        /**
         * The charge as a command, for a caller that records more in the same unit of work; once
         * that is sent, {@link #charged} closes the call.
         */
        public Completion completion(TokenUsage reported, List<ChatMessage> prompt, String answer) {
            boolean estimated = reported == null;
            TokenUsage usage =
                    estimated ? new TokenUsage(tokens.countPrompt(prompt), tokens.count(answer), 0) : reported;
            return completion(usage, estimated, catalogue.cost(call.model(), usage));
        }

        /**
         * Charges a call that made {@code images} images: the tokens the provider reported (none,
         * for most image models) and each image at the model's price per image. The call is closed.
         */
        public Charge completeImages(TokenUsage reported, int images) {
            TokenUsage usage = reported == null ? new TokenUsage(0, 0, 0) : reported;
            Completion completion = completion(usage, false, catalogue.cost(call.model(), usage, images));
            commands.sendAndWait(completion.command());
            closed = true;
            return completion.charge();
        }

        private Completion completion(TokenUsage usage, boolean estimated, long cost) {
            CompleteAiRequest command = new CompleteAiRequest(
                    call.userId(),
                    call.requestId(),
                    call.model().id(),
                    usage.promptTokens(),
                    usage.completionTokens(),
                    usage.reasoningTokens(),
                    estimated,
                    cost,
                    clock.instant());
            answered = usage;
            return new Completion(command, new Charge(usage, cost, estimated));
        }

        public void charged() {
            closed = true;
        }
    }

    private void close(OpenCall open, RuntimeException failure) {
        try {
            if (failure instanceof ProviderException provider) {
                fail(open.call, provider);
            } else if (failure instanceof StreamCancelled cancelled) {
                fail(open.call, "cancelled", cancelled.usage(), true);
            } else {
                fail(open.call, "failed: " + failure.getClass().getSimpleName(), open.answered, open.answered != null);
            }
        } catch (RuntimeException notClosed) {
            failure.addSuppressed(notClosed);
        }
    }

    /**
     * A call the provider failed. One it never served (not reached: {@link ProviderUnavailable}; or
     * refused with an error status and nothing produced) gives back its place in the day's limit.
     */
    private void fail(Call call, ProviderException failure) {
        boolean neverServed = failure instanceof ProviderUnavailable
                || (failure instanceof ProviderFailed failed && failed.status() != 0 && failure.usage() == null);
        fail(call, reason(failure), failure.usage(), !neverServed);
    }

    private void fail(Call call, String reason, TokenUsage reported, boolean served) {
        TokenUsage usage = reported == null ? new TokenUsage(0, 0, 0) : reported;
        commands.sendAndWait(new FailAiRequest(
                call.userId(),
                call.requestId(),
                call.model().id(),
                reason,
                usage.promptTokens(),
                usage.completionTokens(),
                catalogue.cost(call.model(), usage),
                served,
                call.startedAt(),
                clock.instant()));
    }

    private static String reason(ProviderException failure) {
        if (failure instanceof ProviderTimedOut) {
            return "provider-timeout";
        }
        if (failure instanceof ProviderUnavailable) {
            return "provider-unavailable";
        }
        if (failure instanceof ProviderFailed failed) {
            return "provider-error " + failed.status();
        }
        return "provider-error";
    }
}
