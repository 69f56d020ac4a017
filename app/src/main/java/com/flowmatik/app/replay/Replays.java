package com.flowmatik.app.replay;

import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts replays and follows them. Projections are the streaming processors that can be reset,
 * sagas excluded (a saga replayed would act again); a processing group is named as its processor
 * (no group is assigned to a processor of another name here).
 *
 * <p>A replay stops the processor, resets its tokens (its {@code @ResetHandler}s empty its tables,
 * its dead letters are dropped), starts it again and watches its segments: done when every segment
 * has committed the head of the event stream as it was when the replay began. Not "no segment
 * replaying": Axon keeps a segment in replay mode until it sees an event strictly after the reset
 * position, so on a quiet store a finished replay would never be reported.
 */
@Component
public class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    static final Duration POLL = Duration.ofMillis(200);
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Replay> byId = new ConcurrentHashMap<>();
    private final Map<String, String> runningByProjection = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "replay");
        thread.setDaemon(true);
        return thread;
    });

    Replays(
            EventProcessingConfiguration processing,
            EventStore events,
            TransactionManager transactions,
            JdbcTemplate jdbc,
            Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<Projection> projections() {
        Set<String> sagas = processing.sagaConfigurations().stream()
                .map(SagaConfiguration::processingGroup)
                .collect(Collectors.toSet());
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> !sagas.contains(entry.getKey()))
                .filter(entry ->
                        entry.getValue() instanceof StreamingEventProcessor streaming && streaming.supportsReset())
                .map(entry -> projection(entry.getKey(), (StreamingEventProcessor) entry.getValue()))
                .sorted(Comparator.comparing(Projection::name))
                .toList();
    }

    public Optional<Replay> find(String replayId) {
        return Optional.ofNullable(byId.get(replayId));
    }

    /** Starts a replay of {@code name}; 404 for a name that is no projection, 409 while one of it runs. */
    public Replay start(String name) {
        StreamingEventProcessor processor = projections().stream()
                .filter(projection -> projection.name().equals(name))
                .findFirst()
                .flatMap(projection -> processing.eventProcessor(name, StreamingEventProcessor.class))
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No projection named " + name));
        String replayId = UUID.randomUUID().toString();
        if (runningByProjection.putIfAbsent(name, replayId) != null) {
            throw new ApiProblem(ProblemType.CONFLICT, "A replay of " + name + " is running");
        }
        Replay replay = Replay.started(replayId, name, clock.instant());
        byId.put(replayId, replay);
        runner.execute(() -> run(replay, processor));
        return replay;
    }

    private void run(Replay replay, StreamingEventProcessor processor) {
        String id = replay.replayId();
        try {
            processor.shutdownAsync().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            long head = position(events.createHeadToken()).orElse(-1);
            resetAcrossInstances(processor);
            processor.start();
            log.info("Replay {} of {} started, head of the event stream at {}", id, replay.projection(), head);
            while (true) {
                if (!processor.isRunning()) {
                    throw new IllegalStateException("the processor stopped during the replay");
                }
                Collection<EventTrackerStatus> statuses =
                        processor.processingStatus().values();
                long slowest = statuses.stream()
                        .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                        .min()
                        .orElse(-1);
                byId.computeIfPresent(
                        id, (key, now) -> now.progressed(Math.max(0, Math.min(slowest, head)), Math.max(0, head)));
                if (finished(processor, statuses, head)) {
                    byId.computeIfPresent(id, (key, now) -> now.done(clock.instant()));
                    log.info("Replay {} of {} done", id, replay.projection());
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            byId.computeIfPresent(id, (key, now) -> now.failed("interrupted", clock.instant()));
        } catch (Exception failure) {
            log.error("Replay {} of {} failed", id, replay.projection(), failure);
            if (!processor.isRunning()) {
                processor.start(); // a failed reset leaves the old tokens: the projection goes on from there
            }
            String reason = failure.getCause() != null ? failure.getCause().toString() : failure.toString();
            byId.computeIfPresent(id, (key, now) -> now.failed(reason, clock.instant()));
        } finally {
            runningByProjection.remove(replay.projection(), id);
        }
    }

    /**
     * Resets the processor's tokens even where another instance holds segments of it: their claims are
     * released in the same transaction as the reset, so the other instance's next batch finds its
     * claim gone when it stores its token and rolls back whole (its rows with it), and this instance
     * rebuilds the projection. A deadlock with such a batch is retried.
     */
    private void resetAcrossInstances(StreamingEventProcessor processor) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeInTransaction(() -> {
                    jdbc.update("UPDATE token_entry SET owner = NULL WHERE processor_name = ?", processor.getName());
                    processor.resetTokens();
                });
                return;
            } catch (RuntimeException failure) {
                if (attempt == 3) {
                    throw failure;
                }
                log.info("Reset of {} collided with another instance's batch; trying again", processor.getName());
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /**
     * Every segment of the processor is claimed here and has committed {@code head} (a segment's
     * position moves only after its batch committed).
     */
    private boolean finished(StreamingEventProcessor processor, Collection<EventTrackerStatus> statuses, long head) {
        int[] segments = transactions.fetchInTransaction(
                () -> processing.tokenStore(processor.getName()).fetchSegments(processor.getName()));
        return segments.length > 0
                && statuses.size() == segments.length
                && statuses.stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
    }

    private Projection projection(String name, StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        OptionalLong position = statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        Replay last = byId.values().stream()
                .filter(replay -> replay.projection().equals(name))
                .max(Comparator.comparing(Replay::startedAt))
                .orElse(null);
        return new Projection(
                name,
                processor.isRunning(),
                processor.isReplaying(),
                position.isPresent() ? position.getAsLong() : null,
                last);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
