package com.flowmatik.command.ai.provider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one provider this process calls: the OpenAI-compatible provider when an API key is set,
 * otherwise the offline provider — never both, so a configured deployment can never answer from
 * the offline model by accident.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
public class AiProviderConfiguration {

    @Bean
    TokenCounter tokenCounter() {
        return new TokenCounter();
    }

    @Bean
    ModelCatalogue modelCatalogue(AiProperties properties) {
        return new ModelCatalogue(properties);
    }

    @Bean
    AiProvider aiProvider(AiProperties properties, TokenCounter tokenCounter) {
        return properties.providerConfigured()
                ? new OpenAiCompatibleProvider(properties)
                : new OfflineProvider(tokenCounter);
    }
}
