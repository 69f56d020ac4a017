package com.flowmatik.app.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the projections read it, with word of new events. A pooled processor's
 * coordinator asks its stream to call it back when events arrive; the embedded event store's streams
 * do not offer that, so each coordinator looked again every 500 ms (Axon's fixed poll for such
 * streams), and every read model trailed its events by up to half a second before its batch even
 * began. Here one thread follows the head of the store as a reader of the store's own cache of recent
 * events: once it sees new events, the processors' streams, reading the same cache, see them too, and
 * every waiting coordinator is called. It calls at most once per {@code interval}, so that a busy store
 * still hands the processors batches rather than an event at a time.
 *
 * <p>Only the embedded store (the embedded and mysql modes) needs this: Axon Server's streams call
 * back by themselves, so {@link #of} hands any other source back as it is.
 */
public final class EventArrivals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);

    /** How long the follower waits for the store's signal before it looks again by itself. */
    private static final int LOOK_AGAIN_MS = 100;

    private final Duration interval;
    private final Set<Runnable> waiting = new CopyOnWriteArraySet<>();
    private StreamableMessageSource<TrackedEventMessage<?>> store;
    private Announcing announcing;
    private Thread follower;
    private volatile boolean closed;

    EventArrivals(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("flowmatik.processors.wake-interval must not be negative");
        }
        this.interval = interval;
    }

    /** The store with arrivals announced to its streams' readers; the same wrapper for the same store. */
    public synchronized StreamableMessageSource<TrackedEventMessage<?>> of(
            StreamableMessageSource<TrackedEventMessage<?>> source) {
        if (!(source instanceof EmbeddedEventStore)) {
            return source;
        }
        if (store != null && store != source) {
            throw new IllegalStateException("one event store per application");
        }
        if (announcing == null) {
            store = source;
            announcing = new Announcing(source);
        }
        return announcing;
    }

    /** Stops following the store; streams opened later poll as Axon's own do. */
    @Override
    public synchronized void close() {
        closed = true;
        if (follower != null) {
            follower.interrupt();
        }
    }

    private synchronized void follow() {
        if (follower != null || closed) {
            return;
        }
        // the head as the first reader waits on it: an event stored after this call is announced
        Optional<Head> head = currentHead();
        follower = new Thread(() -> announceArrivals(head), "event-arrivals");
        follower.setDaemon(true);
        follower.start();
    }

    /** The store's head as read at one moment: its token, null for an empty store (its start). */
    private record Head(TrackingToken token) {}

    /**
     * The store's head, or empty when it cannot be read now; the follower then asks again, and says
     * so if it still cannot.
     */
    private Optional<Head> currentHead() {
        try {
            return Optional.of(new Head(store.createHeadToken()));
        } catch (RuntimeException unreachable) {
            return Optional.empty();
        }
    }

    private void announceArrivals(Optional<Head> from) {
        Optional<Head> start = from;
        while (!closed) {
            try (BlockingStream<TrackedEventMessage<?>> head = store.openStream(startOf(start))) {
                start = Optional.empty();
                while (!closed) {
                    // waits for the store to read a new event; a bounded wait, since the store's
                    // signal can pass between its check for a new event and its wait for one
                    if (!head.hasNextAvailable(LOOK_AGAIN_MS, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    while (head.hasNextAvailable()) {
                        head.nextAvailable();
                    }
                    waiting.forEach(Runnable::run);
                    TimeUnit.NANOSECONDS.sleep(interval.toNanos());
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                if (closed) {
                    return;
                }
                // the store was unreachable; the coordinators still look on their own every few seconds
                log.warn("Could not follow the event store, trying again in a second: {}", failure.toString());
                waiting.forEach(Runnable::run);
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Where to open the follower's stream: the head read before, else the head now. (Not
     * {@code start.map(Head::token)}: an empty store's null token would read as no head at all, and
     * an event stored in between would never be announced.)
     */
    private TrackingToken startOf(Optional<Head> start) {
        return start.isPresent() ? start.get().token() : store.createHeadToken();
    }

    /** The store, its streams able to call their reader back. */
    private final class Announcing implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final StreamableMessageSource<TrackedEventMessage<?>> source;

        Announcing(StreamableMessageSource<TrackedEventMessage<?>> source) {
            this.source = source;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new AnnouncedStream(source.openStream(trackingToken));
        }

        @Override
        public TrackingToken createTailToken() {
            return source.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return source.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return source.createTokenAt(dateTime);
        }

        @Override
        public TrackingToken createTokenSince(Duration duration) {
            return source.createTokenSince(duration);
        }
    }

    /** One reader's stream: the store's own, plus the callback. */
    private final class AnnouncedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private Runnable callback;

        AnnouncedStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (closed) {
                return false;
            }
            if (this.callback != null) {
                waiting.remove(this.callback);
            }
            this.callback = callback;
            waiting.add(callback);
            follow();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                waiting.remove(callback);
            }
            stream.close();
        }
    }
}
