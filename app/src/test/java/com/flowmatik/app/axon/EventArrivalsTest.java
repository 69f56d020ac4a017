package com.flowmatik.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The processors' streams call their coordinator back when events arrive, on Axon's own embedded
 * event store (its in-memory storage engine), and the event is there to be read.
 */
class EventArrivalsTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final EventArrivals arrivals = new EventArrivals(Duration.ZERO);

    @AfterEach
    void stop() {
        arrivals.close();
        store.shutDown();
    }

    @Test
    void aReaderIsCalledBackWhenANewEventArrives() throws InterruptedException {
        store.publish(GenericEventMessage.asEventMessage("before"));
        BlockingStream<TrackedEventMessage<?>> stream = arrivals.of(store).openStream(store.createHeadToken());
        CountDownLatch called = new CountDownLatch(1);
        assertThat(stream.hasNextAvailable()).isFalse();

        boolean supported = stream.setOnAvailableCallback(called::countDown);
        store.publish(GenericEventMessage.asEventMessage("after"));

        assertThat(supported).isTrue();
        assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("after");
        stream.close();
    }

    @Test
    void aClosedStreamIsNoLongerCalled() throws InterruptedException {
        StreamableMessageSource<TrackedEventMessage<?>> source = arrivals.of(store);
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(store.createHeadToken());
        BlockingStream<TrackedEventMessage<?>> open = source.openStream(store.createHeadToken());
        AtomicInteger closedCalls = new AtomicInteger();
        CountDownLatch openCalled = new CountDownLatch(1);
        closed.setOnAvailableCallback(closedCalls::incrementAndGet);
        open.setOnAvailableCallback(openCalled::countDown);

        closed.close();
        store.publish(GenericEventMessage.asEventMessage("one"));

        assertThat(openCalled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closedCalls).hasValue(0);
        open.close();
    }

    @Test
    void afterCloseStreamsFallBackToPolling() {
        StreamableMessageSource<TrackedEventMessage<?>> source = arrivals.of(store);
        arrivals.close();

        assertThat(source.openStream(store.createHeadToken()).setOnAvailableCallback(() -> {}))
                .isFalse();
    }

    @Test
    void anotherSourceComesBackAsItIs() {
        StreamableMessageSource<TrackedEventMessage<?>> other = token -> {
            throw new UnsupportedOperationException();
        };

        assertThat(arrivals.of(other)).isSameAs(other);
        assertThat(arrivals.of(store)).isSameAs(arrivals.of(store));
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThatThrownBy(() -> new EventArrivals(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wake-interval");
    }
}
