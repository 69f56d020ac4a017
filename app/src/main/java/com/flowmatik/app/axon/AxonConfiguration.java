package com.flowmatik.app.axon;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Projections run as pooled streaming processors. Batches of 100 events per transaction: with
 * batches of one a projection was measured falling tens of thousands of events behind under load.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    static final int BATCH_SIZE = 100;
    static final int SEGMENTS = 4;

    @Bean
    ConfigurerModule pooledStreamingProjections() {
        return configurer -> configurer.eventProcessing(processing -> processing.usingPooledStreamingEventProcessors(
                (config, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(SEGMENTS)));
    }
}
