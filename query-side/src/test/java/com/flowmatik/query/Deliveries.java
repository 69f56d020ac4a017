package com.flowmatik.query;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

/**
 * Hands events to a projection the way a streaming processor does: as domain event messages of
 * an aggregate (numbered 0, 1, 2… per aggregate) at a position in the stream, one batch in one unit
 * of work through Axon's {@link AnnotationEventHandlerAdapter}, so {@code @SequenceNumber},
 * {@code @Timestamp} and tracking token parameters resolve as in production. After a batch the
 * persistence context is flushed and cleared, as a commit would leave it; a batch delivered again
 * is what a processor does after a failure before it stored its token.
 */
public class Deliveries {

    private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");

    private final EntityManager entities;
    private final AtomicLong position = new AtomicLong();

    Deliveries(EntityManager entities) {
        this.entities = entities;
    }

    /** The events of one aggregate, numbered from 0 in the order {@link Aggregate#next} is called. */
    public Aggregate of(String type, String aggregateId) {
        return new Aggregate(type, aggregateId);
    }

    /** Delivers one batch: every event in one unit of work, in order. */
    public void deliver(Object projection, TrackedEventMessage<?>... batch) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(batch));
        ResultMessage<Object> result = unitOfWork.executeWithResult(
                () -> handler.handle(unitOfWork.getMessage()), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new AssertionError("The projection refused the batch", result.exceptionResult());
        }
        committed();
    }

    /** Delivers one batch, then the same batch again, as a processor retrying it does. */
    public void deliverTwice(Object projection, TrackedEventMessage<?>... batch) {
        deliver(projection, batch);
        deliver(projection, batch);
    }

    /**
     * Asserts that delivering any tail of {@code history} again, from each of its events to the
     * last, leaves {@code state} as the history delivered once left it. A processor redelivers from
     * its last stored token, so what comes again is always such a tail, in order.
     */
    public void assertEveryRedeliveryChangesNothing(
            Object projection, Supplier<?> state, TrackedEventMessage<?>... history) {
        for (int from = 0; from < history.length; from++) {
            reset(projection);
            deliver(projection, history);
            Object once = state.get();
            deliver(projection, Arrays.copyOfRange(history, from, history.length));
            assertThat(state.get())
                    .as("the rows after events %d.. are delivered again", from)
                    .isEqualTo(once);
        }
    }

    /** Resets the projection as a processor does before a replay: its {@code @ResetHandler}s run. */
    public void reset(Object projection) {
        new AnnotationEventHandlerAdapter(projection).prepareReset();
        committed();
    }

    private void committed() {
        entities.flush();
        entities.clear();
    }

    /** One aggregate's event stream. */
    public final class Aggregate {

        private final String type;
        private final String aggregateId;
        private long sequence;

        private Aggregate(String type, String aggregateId) {
            this.type = type;
            this.aggregateId = aggregateId;
        }

        /** The aggregate's next event, at the stream's next position. */
        public TrackedEventMessage<?> next(Object payload) {
            long index = position.getAndIncrement();
            return new GenericTrackedDomainEventMessage<>(
                    new GlobalSequenceTrackingToken(index),
                    new GenericDomainEventMessage<>(
                            type,
                            aggregateId,
                            sequence++,
                            payload,
                            MetaData.emptyInstance(),
                            UUID.randomUUID().toString(),
                            EPOCH.plusSeconds(index)));
        }
    }
}
