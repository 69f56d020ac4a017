package com.flowmatik.query.webhooks;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code webhooks} processing group sequences by delivery, not by user as the others do. */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    @Bean
    ConfigurerModule webhooksSequencedByDelivery() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                WebhooksProjection.GROUP, config -> new ByDeliverySequencingPolicy()));
    }
}
