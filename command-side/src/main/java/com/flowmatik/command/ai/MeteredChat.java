package com.flowmatik.command.ai;

import com.flowmatik.api.conversation.ReadConversation;
import com.flowmatik.api.conversation.RecordChatTurn;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.usage.CompleteAiRequest;
import com.flowmatik.api.usage.FailAiRequest;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.StartAiRequest;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.AiProvider;
import com.flowmatik.command.ai.provider.ChatCompletion;
import com.flowmatik.command.ai.provider.ChatMessage;
import com.flowmatik.command.ai.provider.ChatRequest;
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
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * One chat turn, in the order the business needs: the conversation is read (its owner only), the
 * quota is asked (a refusal calls no provider), the provider answers, the usage it reported is
 * charged (or, if it reported none, a tokenizer's count, marked estimated), and the turn is added
 * to the conversation. A failed call is recorded and charges only what the provider reported.
 */
@Component
public class MeteredChat {

    private final CommandGateway commands;
    private final AiProvider provider;
    private final ModelCatalogue catalogue;
    private final ContextWindow context;
    private final TokenCounter tokens;
    private final Clock clock;
    private final IdGenerator ids;

    MeteredChat(
            CommandGateway commands,
            AiProvider provider,
            ModelCatalogue catalogue,
            ContextWindow context,
            TokenCounter tokens,
            Clock clock,
            IdGenerator ids) {
        this.commands = commands;
        this.provider = provider;
        this.catalogue = catalogue;
        this.context = context;
        this.tokens = tokens;
        this.clock = clock;
        this.ids = ids;
    }

    /** What the caller asked for. */
    public record Input(UserId userId, String message, String conversationId, String model, String agent) {}

    /**
     * Everything that may refuse the turn before a provider is called: the model, the agent, the
     * conversation, and the quota. Answers the turn, ready to run.
     */
    public Turn begin(Input input) {
        AiModel model = chatModel(input.model());
        Agent agent = Agent.named(input.agent());
        if (agent == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION, "agent: must be assistant, writer, seo or social");
        }
        List<com.flowmatik.api.conversation.ChatMessage> history = input.conversationId() == null
                ? List.of()
                : commands.sendAndWait(new ReadConversation(input.conversationId(), input.userId()));
        String requestId = ids.generateId().toString();
        QuotaDecision decision = commands.sendAndWait(
                new StartAiRequest(input.userId(), requestId, null, RequestKind.CHAT, model.id(), clock.instant()));
        if (!decision.allowed()) {
            throw new QuotaExceeded(decision);
        }
        String conversationId = input.conversationId() != null ? input.conversationId() : ids.generateId().toString();
        List<ChatMessage> prompt = context.prompt(model, agent, history, input.message());
        return new Turn(input, model, requestId, conversationId, prompt);
    }

    private AiModel chatModel(String id) {
        if (id == null || id.isBlank()) {
            return catalogue.defaultChatModel();
        }
        return catalogue.find(id)
                .filter(AiModel::isChat)
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.VALIDATION, "model: not a chat model of /api/ai/models"));
    }

    /** A turn that passed every check; {@link #run} calls the provider and meters the answer. */
    public final class Turn {

        private final Input input;
        private final AiModel model;
        private final String requestId;
        private final String conversationId;
        private final List<ChatMessage> prompt;

        private Turn(Input input, AiModel model, String requestId, String conversationId, List<ChatMessage> prompt) {
            this.input = input;
            this.model = model;
            this.requestId = requestId;
            this.conversationId = conversationId;
            this.prompt = prompt;
        }

        public String requestId() {
            return requestId;
        }

        /** Calls the provider: streamed when {@code onDelta} is given, in one answer otherwise. */
        public ChatAnswer run(Consumer<String> onDelta) {
            ChatRequest request = new ChatRequest(model.id(), prompt, null);
            ChatCompletion completion;
            try {
                completion = onDelta == null ? provider.complete(request) : provider.stream(request, onDelta);
            } catch (ProviderException failure) {
                fail(reason(failure), failure.usage());
                throw failure;
            } catch (StreamCancelled cancelled) {
                fail("cancelled", cancelled.usage());
                throw cancelled;
            }
            boolean estimated = completion.usage() == null;
            TokenUsage usage = estimated
                    ? new TokenUsage(tokens.countPrompt(prompt), tokens.count(completion.content()), 0)
                    : completion.usage();
            long cost = catalogue.cost(model, usage);
            Instant now = clock.instant();
            commands.sendAndWait(new CompleteAiRequest(
                    input.userId(), requestId, model.id(), usage.promptTokens(), usage.completionTokens(),
                    usage.reasoningTokens(), estimated, cost, now));
            commands.sendAndWait(new RecordChatTurn(
                    conversationId, input.userId(), requestId, model.id(), input.message(), completion.content(), now));
            return new ChatAnswer(requestId, conversationId, model.id(), completion.content(),
                    ChatAnswer.Usage.of(usage), cost, estimated);
        }

        private void fail(String reason, TokenUsage reported) {
            TokenUsage usage = reported == null ? new TokenUsage(0, 0, 0) : reported;
            commands.sendAndWait(new FailAiRequest(
                    input.userId(), requestId, model.id(), reason, usage.promptTokens(), usage.completionTokens(),
                    catalogue.cost(model, usage), clock.instant()));
        }
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
