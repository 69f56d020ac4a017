package com.flowmatik.app.axon;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Serialization and processing of Axon's messages and tokens.
 *
 * <p>Projections run as pooled streaming processors, each user's events in one sequence. Batches of 100 events per transaction: with
 * batches of one a projection was measured falling tens of thousands of events behind under load.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    static final int BATCH_SIZE = 100;
    static final int SEGMENTS = 4;

    @Bean
    ConfigurerModule pooledStreamingProjections() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors(
                        (config, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(SEGMENTS))
                .registerDefaultSequencingPolicy(config -> new ByUserSequencingPolicy()));
    }

    /** Commands that lost a race to their aggregate are retried ({@link CommandConflicts}). */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, MeterRegistry meters) {
        ScheduledExecutorService retries = Executors.newScheduledThreadPool(4, task -> {
            Thread thread = new Thread(task, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new CommandConflicts(retries, meters))
                .build();
    }

    /**
     * Axon's {@code ReplayToken} types its fields by class name ({@code @JsonTypeInfo}, one of them
     * declared as {@code Object}); Jackson 3's default validator refuses every such type, so a processor
     * that starts on a non-empty store, or is reset for a replay, could not read its own token back.
     * Class names are accepted only from Axon, the JDK and this project.
     */
    @Bean
    Jackson3SerializerCustomizer trustedTokenTypes() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("java.")
                .allowIfSubType("com.flowmatik.")
                .build());
    }
}
