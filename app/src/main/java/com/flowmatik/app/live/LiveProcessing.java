package com.flowmatik.app.live;

import com.flowmatik.app.axon.EventArrivals;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processor behind {@code /ws}: one per instance, never shared, because each instance tells
 * its own sessions. Its token lives in memory and starts, whenever the instance starts, at the first
 * event of the UTC day as a replay up to the head of the event store. The counting handlers
 * (today's usage per user, for the quota notices) go through the day's events so far; the
 * handlers that notify are {@code @DisallowReplay}, so they see only what happens from the start
 * on and a restart or a reset never sends anything twice.
 *
 * <p>Why a processor per instance rather than notifying once and fanning out through Redis: every
 * instance sees every event this way (from the shared event store, or from Axon Server in a split
 * deployment, where a subscribing processor would see only its own process's events), nothing needs
 * to be handed over between instances, and Redis is needed only for operators' broadcasts, which
 * start at one instance's HTTP endpoint.
 */
@Configuration(proxyBeanMethods = false)
public class LiveProcessing {

    public static final String GROUP = "live";

    @Bean
    ConfigurerModule liveProcessor(Clock clock, EventArrivals arrivals) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(
                        GROUP,
                        config -> arrivals.of(config.eventStore()),
                        (config, builder) -> builder.initialSegmentCount(1).initialToken(source -> {
                            TrackingToken head = source.createHeadToken();
                            TrackingToken startOfDay = source.createTokenAt(startOfDay(clock.instant()));
                            return ReplayToken.createReplayToken(head, startOfDay);
                        }))
                .registerTokenStore(GROUP, config -> new InMemoryTokenStore()));
    }

    static Instant startOfDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }
}
