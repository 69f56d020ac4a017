package com.flowmatik.app.deadletters;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.annotation.Nonnull;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * A JPA dead-letter queue ({@code dead_letter_entry}) for every processing group of event handlers,
 * so projections added later get one without configuration. Groups that registered a
 * {@link PropagatingErrorHandler} are left out: their failures must fail the command that caused
 * them (the write side's {@code account-lookups}); so are groups whose position is kept per instance
 * in memory (the live notifications); sagas never use these queues.
 *
 * <p>Not {@code axon.eventhandling.processors.<group>.dlq.enabled}: naming a group under
 * {@code axon.eventhandling.processors} also re-registers it as a tracking processor with batches of
 * one and per-aggregate sequencing, undoing the pooled processors and the per-user sequencing.
 * Declaring this bean replaces Axon's property-driven provider.
 *
 * <p>A reset clears the group's queue ({@code allowReset}): the replay handles those events again,
 * and an old letter left behind would park every event of its sequence during the replay.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DeadLetterQueues {

    @Bean
    DeadLetterQueueProviderConfigurerModule projectionDeadLetterQueues(
            EventProcessorProperties properties,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager,
            Serializer genericSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new EveryGroup(
                properties,
                group -> config -> JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group)
                        .entityManagerProvider(entityManagerProvider)
                        .transactionManager(transactionManager)
                        .genericSerializer(genericSerializer)
                        .eventSerializer(eventSerializer)
                        .build());
    }

    private static final class EveryGroup extends DeadLetterQueueProviderConfigurerModule {

        private final Function<String, Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>>> queues;

        EveryGroup(
                EventProcessorProperties properties,
                Function<String, Function<Configuration, SequencedDeadLetterQueue<EventMessage<?>>>> queues) {
            super(properties, queues);
            this.queues = queues;
        }

        @Override
        public void configureModule(@Nonnull Configurer configurer) {
            AtomicReference<Configuration> started = new AtomicReference<>();
            configurer.onInitialize(started::set);
            EventProcessingConfigurer processing = configurer.eventProcessing();
            // asked once per group of event handlers while the processors are built at start
            processing.registerDeadLetterQueueProvider(group -> {
                EventProcessingConfiguration groups = started.get().eventProcessingConfiguration();
                boolean propagates = groups.listenerInvocationErrorHandler(group) instanceof PropagatingErrorHandler;
                // a group whose position lives only in this process (the live notifications) keeps no
                // shared queue either: its dead letters would be parked for every instance at once
                boolean perInstance = groups.tokenStore(group) instanceof InMemoryTokenStore;
                if (propagates || perInstance) {
                    return null;
                }
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                        group, (config, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
                return queues.apply(group);
            });
        }
    }
}
