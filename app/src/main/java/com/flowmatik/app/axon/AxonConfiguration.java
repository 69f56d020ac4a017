package com.flowmatik.app.axon;

import com.flowmatik.api.payment.SubscriptionPriceUpcasters;
import com.flowmatik.command.CreationRaces;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Serialization and processing of Axon's messages and tokens.
 *
 * <p>Projections run as pooled streaming processors, each user's events in one sequence. Batches of 100 events per transaction: with
 * batches of one a projection was measured falling tens of thousands of events behind under load.
 * Two segments per processor: on a machine of two cores more segments only add threads, transactions
 * and token updates that wait for the same cores, and two still let two instances share the work.
 * A store whose processors were started with more segments keeps them (the count is set only when
 * a processor's tokens are first created).
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    static final int BATCH_SIZE = 100;
    static final int SEGMENTS = 2;

    @Bean
    ConfigurerModule pooledStreamingProjections(EventArrivals arrivals) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .configureDefaultStreamableMessageSource(config -> arrivals.of(config.eventStore()))
                .usingPooledStreamingEventProcessors(
                        (config, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(SEGMENTS))
                .registerDefaultSequencingPolicy(config -> new ByUserSequencingPolicy()));
    }

    /** Axon's event processing, each processor's handlers asked once per event type ({@link TypeFilteredInvoker}). */
    @Bean
    EventProcessingModule eventProcessingModule() {
        return new TypeFilteringEventProcessing();
    }

    /** Tells the processors when events arrive, at most once per {@code flowmatik.processors.wake-interval}. */
    @Bean
    EventArrivals eventArrivals(@Value("${flowmatik.processors.wake-interval}") Duration interval) {
        return new EventArrivals(interval);
    }

    /**
     * Stops following the store as the application starts closing: destroyed in its own turn, the
     * follower could still be reading while the database connections were already closed.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> stopFollowingAtClose(EventArrivals arrivals, ApplicationContext context) {
        // a child context closing (one of its own, e.g. a management port's) is not this one
        return closing -> {
            if (closing.getApplicationContext() == context) {
                arrivals.close();
            }
        };
    }

    /** The JPA token store's table (V1), as Axon's JDBC token store names its columns. */
    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    /**
     * Tokens through Axon's JDBC token store, on the table and in the transaction of the batch (the
     * connection of the JPA transaction, as the event store's). The JPA store read each token with a
     * locking query and wrote it back through Hibernate: a quarter of the projections' samples under
     * the chat benchmark, paid once per batch; the JDBC store moves a claimed token with one update.
     * The store names its claims after this instance: the process and a random part, so that two
     * instances never take each other's segments for their own, not even two in one JVM.
     */
    @Bean
    TokenStore tokenStore(Serializer serializer, DataSource dataSource, TokenStoreProperties settings) {
        String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return JdbcTokenStore.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .schema(TOKEN_SCHEMA)
                .serializer(serializer)
                .claimTimeout(settings.getClaimTimeout())
                .nodeId(instance)
                .build();
    }

    /** Commands handled at once per core when none is configured. */
    static final int COMMANDS_PER_CORE = 8;

    /**
     * Commands that lost a race to their aggregate are retried ({@link CommandConflicts}). At most
     * {@code flowmatik.commands.concurrency} are handled at once, the others wait their turn for up
     * to {@code flowmatik.commands.wait} ({@link AdmittedCommands}). Left at 0 the bound is {@value
     * #COMMANDS_PER_CORE} per core, on virtual and platform threads alike. Measured in bench/ on two
     * cores: with 32 commands at once (or none on Tomcat's threads), the projections' few threads got
     * a thirty-second share of the cores and the usage read model fell a second behind the chats;
     * with 16 it stayed within a quarter of a second, {@code /health} answered three times as fast,
     * and as many chats were served (more with a slow provider on Java 25: 173 against 128 a second).
     */
    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus,
            MeterRegistry meters,
            ObjectProvider<CreationRaces> races,
            @Value("${flowmatik.commands.concurrency:0}") int concurrency,
            @Value("${flowmatik.commands.wait:30s}") Duration wait) {
        CreationRaces creationRaces = races.getIfAvailable();
        ScheduledExecutorService retries = Executors.newScheduledThreadPool(4, task -> {
            Thread thread = new Thread(task, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        CommandGateway gateway = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new CommandConflicts(
                        retries, meters, type -> creationRaces != null && creationRaces.canRace(type)))
                .build();
        int bound = commandsAtOnce(concurrency, Runtime.getRuntime().availableProcessors());
        return new AdmittedCommands(gateway, bound, wait);
    }

    /** Commands handled at once: as configured, else {@value #COMMANDS_PER_CORE} per core. */
    static int commandsAtOnce(int configured, int cores) {
        if (configured < 0) {
            throw new IllegalArgumentException(
                    "flowmatik.commands.concurrency must be 0 (the default) or more, not " + configured);
        }
        return configured > 0 ? configured : COMMANDS_PER_CORE * Math.max(1, cores);
    }

    /** Stored subscription events of revision 1 gain the price of their time (Axon picks upcaster beans up). */
    @Bean
    EventUpcaster subscriptionStartedPrice() {
        return SubscriptionPriceUpcasters.subscriptionStarted();
    }

    @Bean
    EventUpcaster subscriptionPlanChangedPrice() {
        return SubscriptionPriceUpcasters.subscriptionPlanChanged();
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
