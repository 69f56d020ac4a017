package com.flowmatik.command.ai.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models users can pick and what they cost. With a real provider configured these are the
 * configured models; without one, only the offline models (DESIGN.md: the offline provider is never
 * used when a real one is configured, and every listed model answers). The offline chat model is
 * priced like the default model of the price table, so that a newcomer without a key sees metering
 * and cost work as they will with one.
 */
public final class ModelCatalogue {

    private static final long TOKENS_PER_PRICE_UNIT = 1_000_000L;

    private final Map<String, AiModel> models;
    private final AiModel defaultChatModel;
    private final AiModel defaultImageModel;

    public ModelCatalogue(AiProperties properties) {
        if (properties.providerConfigured()) {
            this.models = index(properties.models().stream()
                    .map(model -> new AiModel(
                            model.id(),
                            properties.providerName(),
                            model.type(),
                            model.contextWindow(),
                            model.inputPricePerMTokensMicros(),
                            model.outputPricePerMTokensMicros(),
                            model.pricePerImageMicros()))
                    .toList());
            this.defaultChatModel = required(properties.defaultModel(), AiModel.CHAT, "AI_DEFAULT_MODEL");
            this.defaultImageModel = required(properties.defaultImageModel(), AiModel.IMAGE, "AI_DEFAULT_IMAGE_MODEL");
        } else {
            this.models =
                    index(pricedLike(properties.defaultModel(), properties.defaultImageModel(), properties.models()));
            this.defaultChatModel = models.get(OfflineProvider.CHAT_MODEL);
            this.defaultImageModel = models.get(OfflineProvider.IMAGE_MODEL);
        }
    }

    /** Every model, in configuration order. */
    public List<AiModel> models() {
        return List.copyOf(models.values());
    }

    public Optional<AiModel> find(String id) {
        return Optional.ofNullable(id).map(models::get);
    }

    public AiModel defaultChatModel() {
        return defaultChatModel;
    }

    public AiModel defaultImageModel() {
        return defaultImageModel;
    }

    /**
     * What a call cost in micro-dollars: {@code (prompt × input price + completion × output price) /
     * 1,000,000}, in exact integer arithmetic and rounded up, so a call that used anything costs at
     * least one micro-dollar on a priced model and the platform never undercharges by rounding.
     * Reasoning tokens are part of the completion tokens and are not charged twice.
     *
     * @throws ArithmeticException if the cost does not fit a {@code long} (billions of dollars)
     */
    /** The price of a call that made {@code images} images: its tokens, and each image at the model's price. */
    public long cost(AiModel model, TokenUsage usage, int images) {
        return Math.addExact(cost(model, usage), Math.multiplyExact(images, model.pricePerImageMicros()));
    }

    public long cost(AiModel model, TokenUsage usage) {
        long micros = Math.addExact(
                Math.multiplyExact(usage.promptTokens(), model.inputPricePerMTokensMicros()),
                Math.multiplyExact(usage.completionTokens(), model.outputPricePerMTokensMicros()));
        return micros / TOKENS_PER_PRICE_UNIT + (micros % TOKENS_PER_PRICE_UNIT == 0 ? 0 : 1);
    }

    /**
     * The offline models, the chat one at the table's price of {@code defaultModel}, the image one at
     * that of {@code defaultImageModel} (free if the table lacks it): metering reads as it would.
     */
    private static List<AiModel> pricedLike(
            String defaultModel, String defaultImageModel, List<AiProperties.Model> table) {
        return OfflineProvider.MODELS.stream()
                .map(offline -> table.stream()
                        .filter(row -> row.id().equals(offline.isChat() ? defaultModel : defaultImageModel))
                        .findFirst()
                        .map(row -> new AiModel(
                                offline.id(),
                                offline.provider(),
                                offline.type(),
                                offline.contextWindow(),
                                row.inputPricePerMTokensMicros(),
                                row.outputPricePerMTokensMicros(),
                                row.pricePerImageMicros()))
                        .orElse(offline))
                .toList();
    }

    private AiModel required(String id, String type, String setting) {
        AiModel model = models.get(id);
        if (model == null || !model.type().equals(type)) {
            throw new IllegalStateException(
                    setting + " names " + id + ", which is not a configured " + type + " model (flowmatik.ai.models)");
        }
        return model;
    }

    private static Map<String, AiModel> index(List<AiModel> models) {
        Map<String, AiModel> byId = new LinkedHashMap<>();
        for (AiModel model : models) {
            if (byId.putIfAbsent(model.id(), model) != null) {
                throw new IllegalStateException("model " + model.id() + " is configured twice (flowmatik.ai.models)");
            }
        }
        return byId;
    }
}
