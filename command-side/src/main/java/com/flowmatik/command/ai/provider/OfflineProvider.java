package com.flowmatik.command.ai.provider;

import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The provider for trying every flow with no key and no network (DESIGN.md): it repeats what the
 * user said, deterministically. Its chat answers report no usage, like a provider that sends none,
 * so the metering counts them with the cl100k_base tokenizer, prices them from the model table
 * ({@link ModelCatalogue}) and marks them estimated. It serves only its own models: any other model
 * needs a configured provider.
 */
public final class OfflineProvider implements AiProvider {

    public static final String NAME = "offline";
    public static final String CHAT_MODEL = "offline";
    public static final String IMAGE_MODEL = "offline-image";

    static final List<AiModel> MODELS = List.of(
            new AiModel(CHAT_MODEL, NAME, AiModel.CHAT, 8_192, 0, 0),
            new AiModel(IMAGE_MODEL, NAME, AiModel.IMAGE, 0, 0, 0));

    /** Longer messages are echoed shortened (in characters), so the answer stays readable. */
    private static final int ECHO_LIMIT = 200;

    private final TokenCounter tokens;

    public OfflineProvider(TokenCounter tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CircuitState status() {
        return CircuitState.CLOSED;
    }

    @Override
    public ChatCompletion complete(ChatRequest request) {
        requireOwnModel(request.model(), CHAT_MODEL);
        String answer = answer(request.messages());
        String finishReason = "stop";
        if (request.maxTokens() != null && tokens.count(answer) > request.maxTokens()) {
            answer = tokens.truncate(answer, request.maxTokens());
            finishReason = "length";
        }
        // No usage reported, as from a provider that sends none: the metering counts both sides with
        // the tokenizer, prices them from the table and marks the charge estimated.
        return new ChatCompletion(answer, null, finishReason);
    }

    /** The same answer as {@link #complete}, delivered a word at a time. */
    @Override
    public ChatCompletion stream(ChatRequest request, Consumer<String> onDelta) {
        ChatCompletion completion = complete(request);
        for (String delta : completion.content().split("(?<=\\s)")) {
            try {
                onDelta.accept(delta);
            } catch (RuntimeException listenerFailure) {
                throw new StreamCancelled(null, listenerFailure);
            }
        }
        return completion;
    }

    @Override
    public ImageGeneration generateImage(ImageRequest request) {
        requireOwnModel(request.model(), IMAGE_MODEL);
        String image = OfflineImage.dataUrl(request.size());
        TokenUsage usage = new TokenUsage(tokens.count(request.prompt()), 0, 0);
        return new ImageGeneration(Collections.nCopies(request.count(), image), List.of(), usage);
    }

    private static String answer(List<ChatMessage> messages) {
        String said = messages.stream()
                .filter(message -> message.role().equals("user"))
                .reduce((first, second) -> second)
                .map(message -> message.content().strip().replaceAll("\\s+", " "))
                .orElse("");
        if (said.isEmpty()) {
            return "Offline model: you said nothing.";
        }
        if (said.codePointCount(0, said.length()) > ECHO_LIMIT) {
            said = said.substring(0, said.offsetByCodePoints(0, ECHO_LIMIT)).strip() + "…";
        }
        return "Offline model: you said \"" + said + "\"";
    }

    private static void requireOwnModel(String model, String own) {
        if (!own.equals(model)) {
            throw new ProviderUnavailable(
                    "no AI provider is configured for model " + model + " (set SILICONFLOW_API_KEY); offline serves "
                            + own,
                    null);
        }
    }
}
