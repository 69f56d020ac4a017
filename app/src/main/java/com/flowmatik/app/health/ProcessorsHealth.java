package com.flowmatik.app.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The event processors as a list, from the details {@link EventProcessorsHealthIndicator}
 * reports: each processor's segments taken together (its position is its slowest segment's, its lag
 * the largest), and the dead letters of processors that keep them.
 */
@Component
class ProcessorsHealth {

    static final String CONTRIBUTOR = "eventProcessors";
    static final String HEAD_POSITION = "headPosition";

    private final EventProcessingConfiguration processing;

    ProcessorsHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    List<Map<String, Object>> list(Health processors) {
        List<Map<String, Object>> list = new ArrayList<>();
        processors.getDetails().forEach((name, details) -> {
            if (details instanceof Map<?, ?> processor) {
                list.add(processor(name, processor));
            }
        });
        return list;
    }

    private Map<String, Object> processor(String name, Map<?, ?> details) {
        Map<String, Object> processor = new LinkedHashMap<>();
        processor.put("name", name);
        processor.put("running", details.get("running"));
        processor.put("error", details.get("error"));
        if (details.get("segments") instanceof Map<?, ?> segments) {
            long position = Long.MAX_VALUE;
            long lag = 0;
            boolean replaying = false;
            for (Object value : segments.values()) {
                Map<?, ?> segment = (Map<?, ?>) value;
                position = Math.min(position, number(segment.get("position")));
                lag = Math.max(lag, number(segment.get("lag")));
                replaying |= Boolean.TRUE.equals(segment.get("replaying"));
            }
            processor.put("segments", segments.size());
            processor.put("position", segments.isEmpty() ? -1 : position);
            processor.put("lag", segments.isEmpty() ? -1 : lag);
            processor.put("replaying", replaying);
        } else {
            processor.put("segments", 0);
        }
        processing
                .deadLetterQueue(name)
                .map(SequencedDeadLetterQueue::size)
                .ifPresent(deadLetters -> processor.put("deadLetters", deadLetters));
        return processor;
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : -1;
    }
}
