package com.flowmatik.command.ai;

import com.flowmatik.api.conversation.CompleteChatTurn;
import com.flowmatik.api.conversation.ReadConversation;
import com.flowmatik.api.conversation.RecordChatTurn;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.AiProvider;
import com.flowmatik.command.ai.provider.ChatCompletion;
import com.flowmatik.command.ai.provider.ChatMessage;
import com.flowmatik.command.ai.provider.ChatRequest;
import com.flowmatik.command.ai.provider.ModelCatalogue;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * One chat turn, in the order the business needs: the conversation is read (its owner only), the
 * quota is asked (a refusal calls no provider), the provider answers, and the usage is charged
 * ({@link Metering}) and the turn added to the conversation in one unit of work ({@link ChatTurns}).
 */
@Component
public class MeteredChat {

    private final CommandGateway commands;
    private final AiProvider provider;
    private final ModelCatalogue catalogue;
    private final ContextWindow context;
    private final Metering metering;
    private final IdGenerator ids;

    MeteredChat(
            CommandGateway commands,
            AiProvider provider,
            ModelCatalogue catalogue,
            ContextWindow context,
            Metering metering,
            IdGenerator ids) {
        this.commands = commands;
        this.provider = provider;
        this.catalogue = catalogue;
        this.context = context;
        this.metering = metering;
        this.ids = ids;
    }

    /** What the caller asked for. */
    public record Input(UserId userId, String message, String conversationId, String model, String agent) {}

    /**
     * Everything that may refuse the turn before a provider is called: the model, the agent, the
     * conversation, and the quota. Answers the turn, ready to run.
     */
    public Turn begin(Input input) {
        AiModel model = chatModel(catalogue, input.model());
        Agent agent = agent(input.agent());
        List<com.flowmatik.api.conversation.ChatMessage> history = input.conversationId() == null
                ? List.of()
                : commands.sendAndWait(new ReadConversation(input.conversationId(), input.userId()));
        Metering.Call call = metering.start(input.userId(), null, RequestKind.CHAT, model);
        String conversationId = input.conversationId() != null
                ? input.conversationId()
                : ids.generateId().toString();
        return new Turn(input, call, conversationId, context.prompt(model, agent, history, input.message()));
    }

    static AiModel chatModel(ModelCatalogue catalogue, String id) {
        if (id == null || id.isBlank()) {
            return catalogue.defaultChatModel();
        }
        return catalogue
                .find(id)
                .filter(AiModel::isChat)
                .orElseThrow(() -> BusinessRuleViolation.invalidField("model", "not a chat model of /api/ai/models"));
    }

    static Agent agent(String name) {
        Agent agent = Agent.named(name);
        if (agent == null) {
            throw BusinessRuleViolation.invalidField("agent", "must be assistant, writer, seo or social");
        }
        return agent;
    }

    /** A turn that passed every check; {@link #run} calls the provider and meters the answer. */
    public final class Turn {

        private final Input input;
        private final Metering.Call call;
        private final String conversationId;
        private final List<ChatMessage> prompt;

        private Turn(Input input, Metering.Call call, String conversationId, List<ChatMessage> prompt) {
            this.input = input;
            this.call = call;
            this.conversationId = conversationId;
            this.prompt = prompt;
        }

        public String requestId() {
            return call.requestId();
        }

        /** Calls the provider: streamed when {@code onDelta} is given, in one answer otherwise. */
        public ChatAnswer run(Consumer<String> onDelta) {
            return metering.finish(call, open -> {
                ChatRequest request = new ChatRequest(call.model().id(), prompt, null);
                ChatCompletion completion =
                        onDelta == null ? provider.complete(request) : provider.stream(request, onDelta);
                Metering.Completion charged = open.completion(completion.usage(), prompt, completion.content());
                commands.sendAndWait(new CompleteChatTurn(
                        charged.command(),
                        new RecordChatTurn(
                                conversationId,
                                input.userId(),
                                call.requestId(),
                                call.model().id(),
                                input.message(),
                                completion.content(),
                                charged.command().completedAt()),
                        input.conversationId() == null));
                open.charged();
                Metering.Charge charge = charged.charge();
                return new ChatAnswer(
                        call.requestId(),
                        conversationId,
                        call.model().id(),
                        completion.content(),
                        ChatAnswer.Usage.of(charge.usage()),
                        charge.costMicros(),
                        charge.estimated());
            });
        }
    }
}
