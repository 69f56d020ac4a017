package com.flowmatik.command.ai.provider;

/**
 * A model users can pick, with the prices that turn its reported usage into cost.
 *
 * @param id the model id, as the provider knows it
 * @param provider the name of the provider serving it
 * @param type {@link #CHAT} or {@link #IMAGE}
 * @param contextWindow the most tokens of prompt and answer together (0 for image models)
 * @param inputPricePerMTokensMicros micro-dollars per million prompt tokens
 * @param outputPricePerMTokensMicros micro-dollars per million completion tokens
 */
public record AiModel(
        String id,
        String provider,
        String type,
        int contextWindow,
        long inputPricePerMTokensMicros,
        long outputPricePerMTokensMicros,
        long pricePerImageMicros) {

    /** A model priced by its tokens only. */
    public AiModel(
            String id,
            String provider,
            String type,
            int contextWindow,
            long inputPricePerMTokensMicros,
            long outputPricePerMTokensMicros) {
        this(id, provider, type, contextWindow, inputPricePerMTokensMicros, outputPricePerMTokensMicros, 0);
    }

    public static final String CHAT = "chat";
    public static final String IMAGE = "image";

    public boolean isChat() {
        return CHAT.equals(type);
    }

    public boolean isImage() {
        return IMAGE.equals(type);
    }
}
