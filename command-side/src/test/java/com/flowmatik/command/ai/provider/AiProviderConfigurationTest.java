package com.flowmatik.command.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Which provider the platform calls: the offline one with no key, the OpenAI-compatible one as soon
 * as a key is set, and never both; and the settings bind from {@code flowmatik.ai}.
 */
class AiProviderConfigurationTest {

    final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(AiProviderConfiguration.class);

    @Test
    void withNoSettingsAtAllTheOfflineProviderAnswers() {
        context.run(app -> {
            assertThat(app).hasSingleBean(AiProvider.class);
            assertThat(app.getBean(AiProvider.class)).isInstanceOf(OfflineProvider.class);
            assertThat(app.getBean(ModelCatalogue.class).defaultChatModel().id())
                    .isEqualTo("offline");
            assertThat(app.getBean(AiProperties.class).baseUrl()).isEqualTo(AiProperties.SILICONFLOW_BASE_URL);
        });
    }

    @Test
    void aBlankKeyIsNoKey() {
        context.withPropertyValues("flowmatik.ai.api-key=  ")
                .run(app -> assertThat(app.getBean(AiProvider.class)).isInstanceOf(OfflineProvider.class));
    }

    @Test
    void withAKeyTheOpenAiCompatibleProviderAnswersWithTheConfiguredModels() {
        context.withPropertyValues(
                        "flowmatik.ai.api-key=sk-test",
                        "flowmatik.ai.provider-name=ark",
                        "flowmatik.ai.base-url=http://127.0.0.1:9/v1",
                        "flowmatik.ai.read-timeout=5s",
                        "flowmatik.ai.default-model=doubao-pro",
                        "flowmatik.ai.default-image-model=doubao-image",
                        "flowmatik.ai.image-api=openai",
                        "flowmatik.ai.models[0].id=doubao-pro",
                        "flowmatik.ai.models[0].type=chat",
                        "flowmatik.ai.models[0].context-window=32768",
                        "flowmatik.ai.models[0].input-price-per-m-tokens-micros=110000",
                        "flowmatik.ai.models[0].output-price-per-m-tokens-micros=280000",
                        "flowmatik.ai.models[1].id=doubao-image",
                        "flowmatik.ai.models[1].type=image",
                        "flowmatik.ai.circuit-breaker.minimum-number-of-calls=5")
                .run(app -> {
                    AiProvider provider = app.getBean(AiProvider.class);
                    assertThat(provider).isInstanceOf(OpenAiCompatibleProvider.class);
                    assertThat(provider.name()).isEqualTo("ark");
                    assertThat(provider.status()).isEqualTo(CircuitState.CLOSED);
                    AiProperties settings = app.getBean(AiProperties.class);
                    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(settings.imageApi()).isEqualTo(AiProperties.ImageApi.OPENAI);
                    assertThat(settings.circuitBreaker().minimumNumberOfCalls()).isEqualTo(5);
                    assertThat(settings.circuitBreaker().failureRateThreshold()).isEqualTo(50);
                    ModelCatalogue catalogue = app.getBean(ModelCatalogue.class);
                    assertThat(catalogue.models())
                            .extracting(AiModel::id)
                            .containsExactly("doubao-pro", "doubao-image");
                    assertThat(catalogue.defaultChatModel())
                            .isEqualTo(new AiModel("doubao-pro", "ark", "chat", 32_768, 110_000, 280_000));
                });
    }

    @Test
    void aMisconfiguredDefaultModelStopsTheStart() {
        context.withPropertyValues("flowmatik.ai.api-key=sk-test", "flowmatik.ai.default-model=nope")
                .run(app -> assertThat(app).hasFailed());
    }
}
