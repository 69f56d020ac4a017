package com.flowmatik.command.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which models are offered, and what a call on them costs, in integer micro-dollars. */
class ModelCatalogueTest {

    static final AiModel DEEPSEEK_V3 =
            new AiModel("deepseek-ai/DeepSeek-V3", "siliconflow", "chat", 65_536, 270_000, 1_100_000);

    final ModelCatalogue configured = new ModelCatalogue(settings("key", null, null, null));
    final ModelCatalogue offline = new ModelCatalogue(settings(null, null, null, null));

    @Test
    void aCallCostsItsTokensAtTheModelsPricesPerMillion() {
        // 1,000 × 270,000 + 500 × 1,100,000 = 820,000,000 → 820 micro-dollars
        assertThat(configured.cost(DEEPSEEK_V3, new TokenUsage(1_000, 500, 0))).isEqualTo(820);
    }

    @Test
    void aFractionOfAMicroDollarIsRoundedUp() {
        // 1 × 270,000 = 0.27 micro-dollars
        assertThat(configured.cost(DEEPSEEK_V3, new TokenUsage(1, 0, 0))).isEqualTo(1);
        // 3 × 270,000 + 1 × 1,100,000 = 1,910,000 → 1.91 → 2
        assertThat(configured.cost(DEEPSEEK_V3, new TokenUsage(3, 1, 0))).isEqualTo(2);
        assertThat(configured.cost(DEEPSEEK_V3, new TokenUsage(0, 0, 0))).isZero();
    }

    @Test
    void reasoningTokensArePartOfTheCompletionAndNotChargedTwice() {
        assertThat(configured.cost(DEEPSEEK_V3, new TokenUsage(1_000, 500, 400)))
                .isEqualTo(configured.cost(DEEPSEEK_V3, new TokenUsage(1_000, 500, 0)));
    }

    @Test
    void aCostTooLargeForALongIsAnErrorNotAWrongNumber() {
        AiModel priceless = new AiModel("x", "p", "chat", 1, Long.MAX_VALUE / 2, 0);

        assertThatThrownBy(() -> configured.cost(priceless, new TokenUsage(3, 0, 0)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void withAProviderTheConfiguredModelsAreOfferedAndTheOfflineOnesAreNot() {
        assertThat(configured.models())
                .extracting(AiModel::id)
                .containsExactly(
                        "deepseek-ai/DeepSeek-V3",
                        "deepseek-ai/DeepSeek-R1",
                        "Qwen/Qwen2.5-7B-Instruct",
                        "black-forest-labs/FLUX.1-schnell");
        assertThat(configured.models()).extracting(AiModel::provider).containsOnly("siliconflow");
        assertThat(configured.find(OfflineProvider.CHAT_MODEL)).isEmpty();
        assertThat(configured.find("deepseek-ai/DeepSeek-V3")).contains(DEEPSEEK_V3);
        assertThat(configured.defaultChatModel()).isEqualTo(DEEPSEEK_V3);
        assertThat(configured.defaultImageModel().id()).isEqualTo("black-forest-labs/FLUX.1-schnell");
    }

    @Test
    void withoutAProviderOnlyTheOfflineModelsAreOfferedTheChatOnePricedLikeTheDefaultModel() {
        assertThat(offline.models()).extracting(AiModel::id).containsExactly("offline", "offline-image");
        assertThat(offline.models()).extracting(AiModel::provider).containsOnly("offline");
        AiModel chat = offline.defaultChatModel();
        assertThat(chat.id()).isEqualTo("offline");
        assertThat(chat.inputPricePerMTokensMicros()).isEqualTo(DEEPSEEK_V3.inputPricePerMTokensMicros());
        assertThat(chat.outputPricePerMTokensMicros()).isEqualTo(DEEPSEEK_V3.outputPricePerMTokensMicros());
        assertThat(offline.defaultImageModel().id()).isEqualTo("offline-image");
        assertThat(offline.find("deepseek-ai/DeepSeek-V3")).isEmpty();
        // 1,000 × 270,000 + 500 × 1,100,000 = 820,000,000 → 820 micro-dollars, as on DeepSeek-V3
        assertThat(offline.cost(chat, new TokenUsage(1_000, 500, 0))).isEqualTo(820);
    }

    @Test
    void aDefaultModelThatIsNotConfiguredStopsTheStart() {
        assertThatThrownBy(() -> new ModelCatalogue(settings("key", "no/such-model", null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AI_DEFAULT_MODEL")
                .hasMessageContaining("no/such-model");
        assertThatThrownBy(() -> new ModelCatalogue(settings("key", "black-forest-labs/FLUX.1-schnell", null, null)))
                .hasMessageContaining("not a configured chat model");
    }

    @Test
    void aModelConfiguredTwiceStopsTheStart() {
        List<AiProperties.Model> twice = List.of(
                new AiProperties.Model("a", "chat", 1, 1L, 1L, 0L), new AiProperties.Model("a", "chat", 1, 2L, 2L, 0L));

        assertThatThrownBy(() -> new ModelCatalogue(settings("key", "a", null, twice)))
                .hasMessageContaining("configured twice");
    }

    static AiProperties settings(
            String apiKey, String defaultModel, String defaultImageModel, List<AiProperties.Model> models) {
        return new AiProperties(
                null, null, apiKey, null, null, null, defaultModel, defaultImageModel, null, models, null);
    }
}
