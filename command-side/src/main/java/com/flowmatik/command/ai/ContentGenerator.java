package com.flowmatik.command.ai;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.command.ai.images.ImageKeeper;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.AiProvider;
import com.flowmatik.command.ai.provider.ChatCompletion;
import com.flowmatik.command.ai.provider.ChatMessage;
import com.flowmatik.command.ai.provider.ChatRequest;
import com.flowmatik.command.ai.provider.ImageGeneration;
import com.flowmatik.command.ai.provider.ImageRequest;
import com.flowmatik.command.ai.provider.ModelCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Generates texts and images. Every provider call is metered on its own ({@link Metering}); the
 * steps of a multi-step text carry the generation's id as their parent. A quota that runs out
 * between steps stops the generation with 429; the steps done until then stay charged. Images are
 * kept by the platform ({@link ImageKeeper}) once charged: the provider's URLs expire.
 */
@Component
public class ContentGenerator {

    private final AiProvider provider;
    private final ModelCatalogue catalogue;
    private final Metering metering;
    private final ImageKeeper keeper;
    private final IdGenerator ids;

    ContentGenerator(
            AiProvider provider, ModelCatalogue catalogue, Metering metering, ImageKeeper keeper, IdGenerator ids) {
        this.provider = provider;
        this.catalogue = catalogue;
        this.metering = metering;
        this.keeper = keeper;
        this.ids = ids;
    }

    public GeneratedContent generate(UserId userId, GenerateContentBody body) {
        ContentType type = ContentType.named(body.type());
        if (type == null) {
            throw BusinessRuleViolation.invalidField("type", "unknown content type");
        }
        if (type == ContentType.IMAGE) {
            return image(userId, body);
        }
        AiModel model = MeteredChat.chatModel(catalogue, body.model());
        boolean multiStep = body.multiStep() == null ? type.multiStepByDefault() : body.multiStep();
        String generationId = ids.generateId().toString();
        List<GeneratedContent.Step> steps = new ArrayList<>();
        String what = type.wireName().replace('-', ' ');
        String content;
        if (multiStep) {
            String outline = step(
                    userId,
                    generationId,
                    model,
                    type,
                    "outline",
                    steps,
                    "Write a concise outline for a " + what + " about:\n" + body.prompt());
            String draft = step(
                    userId,
                    generationId,
                    model,
                    type,
                    "draft",
                    steps,
                    "Write the " + what + " about \"" + body.prompt() + "\" following this outline:\n" + outline);
            content = step(
                    userId,
                    generationId,
                    model,
                    type,
                    "polish",
                    steps,
                    "Polish this " + what
                            + ": fix errors, tighten the wording, keep the structure. Answer with the text only.\n"
                            + draft);
        } else {
            content = step(
                    userId, generationId, model, type, "write", steps, "Write a " + what + " about:\n" + body.prompt());
        }
        String requestId = multiStep ? generationId : steps.get(0).requestId();
        return new GeneratedContent(requestId, type.wireName(), content, null, steps, total(steps), cost(steps));
    }

    private String step(
            UserId userId,
            String generationId,
            AiModel model,
            ContentType type,
            String name,
            List<GeneratedContent.Step> steps,
            String instruction) {
        List<ChatMessage> prompt =
                List.of(ChatMessage.system(type.agent().systemPrompt()), ChatMessage.user(instruction));
        return metering.meter(userId, generationId, RequestKind.CONTENT, model, open -> {
            ChatCompletion completion = provider.complete(new ChatRequest(model.id(), prompt, null));
            Metering.Charge charge = open.complete(completion.usage(), prompt, completion.content());
            steps.add(new GeneratedContent.Step(
                    name,
                    open.call().requestId(),
                    model.id(),
                    ChatAnswer.Usage.of(charge.usage()),
                    charge.costMicros()));
            return completion.content();
        });
    }

    private GeneratedContent image(UserId userId, GenerateContentBody body) {
        AiModel model = body.model() == null || body.model().isBlank()
                ? catalogue.defaultImageModel()
                : catalogue
                        .find(body.model())
                        .filter(AiModel::isImage)
                        .orElseThrow(() ->
                                BusinessRuleViolation.invalidField("model", "not an image model of /api/ai/models"));
        return metering.meter(userId, null, RequestKind.IMAGE, model, open -> {
            ImageGeneration generation = provider.generateImage(new ImageRequest(
                    model.id(),
                    body.prompt(),
                    body.count() == null ? 1 : body.count(),
                    body.size() == null ? "1024x1024" : body.size()));
            int images = (generation.urls() == null ? 0 : generation.urls().size())
                    + (generation.b64() == null ? 0 : generation.b64().size());
            Metering.Charge charge = open.completeImages(generation.usage(), images);
            return images(userId, open.call(), model, generation, charge);
        });
    }

    /** Keeps the generated images (the provider's URLs expire) once the call is charged. */
    private GeneratedContent images(
            UserId userId, Metering.Call call, AiModel model, ImageGeneration generation, Metering.Charge charge) {
        List<String> given = new ArrayList<>(generation.urls() == null ? List.of() : generation.urls());
        if (generation.b64() != null) {
            generation.b64().forEach(data -> given.add("data:image/png;base64," + data));
        }
        List<String> images = keeper.keep(userId, call.requestId(), given);
        GeneratedContent.Step step = new GeneratedContent.Step(
                "image", call.requestId(), model.id(), ChatAnswer.Usage.of(charge.usage()), charge.costMicros());
        return new GeneratedContent(
                call.requestId(),
                ContentType.IMAGE.wireName(),
                null,
                images,
                List.of(step),
                step.usage(),
                step.costMicros());
    }

    private static ChatAnswer.Usage total(List<GeneratedContent.Step> steps) {
        long prompt =
                steps.stream().mapToLong(step -> step.usage().promptTokens()).sum();
        long completion = steps.stream()
                .mapToLong(step -> step.usage().completionTokens())
                .sum();
        return new ChatAnswer.Usage(prompt, completion, prompt + completion);
    }

    private static long cost(List<GeneratedContent.Step> steps) {
        return steps.stream().mapToLong(GeneratedContent.Step::costMicros).sum();
    }
}
