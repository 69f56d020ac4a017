package com.flowmatik.app.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Every event processor of this process: running or not, in error or not, and for streaming ones
 * each segment's position and how far behind the head of the event store it is.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = position(eventStore.createHeadToken());
        boolean allWell = true;
        for (Map.Entry<String, EventProcessor> entry :
                processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("error", processor.isError());
            allWell &= processor.isRunning() && !processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<String, Object> segments = new LinkedHashMap<>();
                for (Map.Entry<Integer, EventTrackerStatus> segment :
                        streaming.processingStatus().entrySet()) {
                    EventTrackerStatus status = segment.getValue();
                    long position = status.getCurrentPosition().orElse(-1);
                    segments.put(
                            String.valueOf(segment.getKey()),
                            Map.of(
                                    "position", position,
                                    "lag", head < 0 || position < 0 ? -1 : Math.max(0, head - position),
                                    "caughtUp", status.isCaughtUp(),
                                    "replaying", status.isReplaying(),
                                    "errorState", status.isErrorState()));
                    allWell &= !status.isErrorState();
                }
                details.put("segments", segments);
            }
            builder.withDetail(entry.getKey(), details);
        }
        builder.withDetail("headPosition", head);
        if (allWell) {
            builder.up();
        } else {
            builder.down();
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
