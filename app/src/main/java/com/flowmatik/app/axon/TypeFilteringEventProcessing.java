package com.flowmatik.app.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.SubscribableMessageSource;

/**
 * Axon's event processing module, with each processor's handlers behind a {@link
 * TypeFilteredInvoker}: the pooled streaming processors that build the read models, and the
 * subscribing ones that run in the command's unit of work. Everything else is Axon's own.
 */
class TypeFilteringEventProcessing extends EventProcessingModule {

    @Override
    protected EventProcessor pooledStreamingEventProcessor(
            String name,
            EventHandlerInvoker handlers,
            Configuration config,
            StreamableMessageSource<TrackedEventMessage<?>> source,
            PooledStreamingProcessorConfiguration processorConfiguration) {
        return super.pooledStreamingEventProcessor(
                name, new TypeFilteredInvoker(handlers), config, source, processorConfiguration);
    }

    @Override
    protected EventProcessor subscribingEventProcessor(
            String name, EventHandlerInvoker handlers, SubscribableMessageSource<? extends EventMessage<?>> source) {
        return super.subscribingEventProcessor(name, new TypeFilteredInvoker(handlers), source);
    }
}
