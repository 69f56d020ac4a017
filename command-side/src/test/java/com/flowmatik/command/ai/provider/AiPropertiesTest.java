package com.flowmatik.command.ai.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The AI settings work with nothing set, and refuse values that cannot work. */
class AiPropertiesTest {

    @Test
    void nothingSetMeansSiliconFlowDefaultsAndNoProvider() {
        AiProperties settings = new AiProperties(null, null, null, null, null, null, null, null, null, null, null);

        assertThat(settings.providerConfigured()).isFalse();
        assertThat(settings.providerName()).isEqualTo("siliconflow");
        assertThat(settings.baseUrl()).isEqualTo("https://api.siliconflow.cn/v1");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.defaultModel()).isEqualTo("deepseek-ai/DeepSeek-V3");
        assertThat(settings.imageApi()).isEqualTo(AiProperties.ImageApi.SILICONFLOW);
        assertThat(settings.models()).isEqualTo(AiProperties.SILICONFLOW_MODELS);
        assertThat(settings.circuitBreaker())
                .isEqualTo(new AiProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(30), 3));
    }

    @Test
    void impossibleValuesAreRefused() {
        assertThatThrownBy(() ->
                        new AiProperties(null, null, null, null, Duration.ZERO, null, null, null, null, null, null))
                .hasMessageContaining("read-timeout");
        assertThatThrownBy(() -> new AiProperties.Model("m", "video", 1, 1L, 1L, 0L))
                .hasMessageContaining("chat or image");
        assertThatThrownBy(() -> new AiProperties.Model("m", "chat", 1, -1L, 1L, 0L))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new AiProperties.CircuitBreaker(0, null, null, null, null))
                .hasMessageContaining("percentage");
    }
}
