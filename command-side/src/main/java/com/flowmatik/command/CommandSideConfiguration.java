package com.flowmatik.command;

import com.flowmatik.command.refusal.RefusalInterceptor;
import com.flowmatik.command.usage.UsageAccount;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the command side runs. The app imports this only when the process runs the command
 * side ({@code FLOWMATIK_SIDES}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class CommandSideConfiguration {

    static final String ACCOUNT_LOOKUPS_GROUP = "account-lookups";

    /** The receipts of ingested usage, claimed in the transaction that records it. */
    static final String USAGE_RECEIPTS_GROUP = "usage-receipts";

    /** Axon's name for the processor of the subscription saga. */
    static final String SUBSCRIPTION_SAGA_GROUP = "SubscriptionSagaProcessor";

    /**
     * Set-based validation tables must fail the command that breaks them, not log and go on. A
     * subscription saga whose command failed must not skip the event either: the processor retries
     * it (the saga's commands are idempotent).
     */
    @Bean
    ConfigurerModule writeModelProcessing() {
        return configurer -> configurer
                .eventProcessing()
                .registerSubscribingEventProcessor(ACCOUNT_LOOKUPS_GROUP)
                .registerListenerInvocationErrorHandler(
                        ACCOUNT_LOOKUPS_GROUP, configuration -> PropagatingErrorHandler.instance())
                .registerSubscribingEventProcessor(USAGE_RECEIPTS_GROUP)
                .registerListenerInvocationErrorHandler(
                        USAGE_RECEIPTS_GROUP, configuration -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(
                        SUBSCRIPTION_SAGA_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /** Usage accounts take two or three events per AI request: load them from a snapshot every 100. */
    @Bean(UsageAccount.SNAPSHOTS)
    SnapshotTriggerDefinition usageAccountSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    /**
     * Snapshots are written after the command's transaction, on a thread of their own: the request
     * that crossed the threshold does not wait for one. One thread is enough; a snapshot that fails
     * (another instance wrote it first) is simply taken again later.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory,
            SnapshotThread snapshotThread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotThread.executor())
                .build();
    }

    @Bean
    SnapshotThread snapshotThread(ApplicationContext context) {
        return new SnapshotThread(context);
    }

    @Bean
    CreationRaces creationRaces(ApplicationContext context) {
        return new CreationRaces(context);
    }

    /** Usage accounts: one per active user, a few hundred bytes each. */
    @Bean(AggregateCache.USAGE_ACCOUNTS)
    AggregateCache usageAccountCache() {
        return new AggregateCache(100_000, Duration.ofMinutes(30));
    }

    /** Conversations carry their messages: fewer, and only while a chat goes on. */
    @Bean(AggregateCache.CONVERSATIONS)
    AggregateCache conversationCache() {
        return new AggregateCache(5_000, Duration.ofMinutes(10));
    }

    /**
     * Billing accounts: every webhook of a user's subscription and every checkout loads one, and a
     * subscription renewed for years holds many events.
     */
    @Bean(AggregateCache.SUBSCRIPTIONS)
    AggregateCache subscriptionCache() {
        return new AggregateCache(100_000, Duration.ofMinutes(30));
    }

    @Bean
    ConfigurerModule refusalsAcrossTheBus() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() -> {
            CommandBus bus = config.commandBus();
            bus.registerHandlerInterceptor(new RefusalInterceptor());
        }));
    }
}
