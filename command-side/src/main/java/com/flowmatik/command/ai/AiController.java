package com.flowmatik.command.ai;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.AiProvider;
import com.flowmatik.command.ai.provider.ModelCatalogue;
import com.flowmatik.command.refusal.ErrorVocabulary;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/ai}: chat (one JSON answer, or an SSE stream of deltas ending with the usage and cost),
 * content generation, the model catalogue and the provider's status.
 */
@RestController
class AiController {

    private final MeteredChat chat;
    private final ContentGenerator generator;
    private final ModelCatalogue catalogue;
    private final AiProvider provider;
    private final TaskExecutor executor;
    private final ErrorVocabulary errors;

    AiController(
            MeteredChat chat,
            ContentGenerator generator,
            ModelCatalogue catalogue,
            AiProvider provider,
            TaskExecutor executor,
            ErrorVocabulary errors) {
        this.chat = chat;
        this.generator = generator;
        this.catalogue = catalogue;
        this.provider = provider;
        this.executor = executor;
        this.errors = errors;
    }

    @PostMapping("/api/ai/chat")
    Object chat(
            Principal caller,
            @Valid @RequestBody ChatBody body,
            @RequestHeader(value = "Accept", required = false) String accept) {
        MeteredChat.Turn turn = chat.begin(new MeteredChat.Input(
                UserId.of(caller.getName()), body.message(), body.conversationId(), body.model(), body.agent()));
        boolean streamed = Boolean.TRUE.equals(body.stream())
                || (accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE));
        if (!streamed) {
            return turn.run(null);
        }
        return ChatStream.start(turn, executor, errors);
    }

    @PostMapping("/api/ai/generate-content")
    GeneratedContent generateContent(Principal caller, @Valid @RequestBody GenerateContentBody body) {
        return generator.generate(UserId.of(caller.getName()), body);
    }

    @GetMapping("/api/ai/models")
    List<ModelResponse> models() {
        return catalogue.models().stream().map(ModelResponse::from).toList();
    }

    @GetMapping("/api/ai/status")
    Map<String, Object> status() {
        String circuit = provider.status().name();
        return Map.of(
                "provider",
                provider.name(),
                "status",
                "CLOSED".equals(circuit) ? "available" : "OPEN".equals(circuit) ? "unavailable" : "recovering",
                "circuitBreaker",
                circuit,
                "defaultModel",
                catalogue.defaultChatModel().id());
    }

    /** A model as {@code GET /api/ai/models} lists it. */
    record ModelResponse(
            String id,
            String provider,
            String type,
            int contextWindow,
            long inputPricePerMTokensMicros,
            long outputPricePerMTokensMicros,
            long pricePerImageMicros) {

        static ModelResponse from(AiModel model) {
            return new ModelResponse(
                    model.id(),
                    model.provider(),
                    model.type(),
                    model.contextWindow(),
                    model.inputPricePerMTokensMicros(),
                    model.outputPricePerMTokensMicros(),
                    model.pricePerImageMicros());
        }
    }
}
