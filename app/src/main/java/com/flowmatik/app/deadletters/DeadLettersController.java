package com.flowmatik.app.deadletters;

import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the parked events of every projection and hands them to their handlers again. */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLettersController {

    /** Letters listed per group; the count is always complete. */
    static final int LISTED_PER_GROUP = 100;

    private final EventProcessingConfiguration processing;

    DeadLettersController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping
    List<GroupLetters> list() {
        List<GroupLetters> groups = new ArrayList<>();
        queues().forEach((group, queue) -> {
            List<Letter> letters = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letters.size() < LISTED_PER_GROUP) {
                        letters.add(letter(group, letter));
                    }
                }
            }
            groups.add(new GroupLetters(group, queue.size(), letters));
        });
        return groups;
    }

    /**
     * Processes each parked sequence once, oldest first: a sequence whose letters all succeed leaves the
     * queue, one that fails again stays with the new cause. Once per sequence, so that a letter that
     * keeps failing cannot keep this request busy.
     */
    @PostMapping("/{group}/retry")
    Retried retry(@PathVariable String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues().get(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(group).orElse(null);
        if (queue == null || processor == null) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "No dead-letter queue for processing group " + group);
        }
        long sequences = queue.amountOfSequences();
        int succeeded = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (processor.processAny()) {
                succeeded++;
            }
        }
        return new Retried(group, sequences, succeeded, queue.size());
    }

    private Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues() {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new TreeMap<>();
        processing
                .eventProcessors()
                .keySet()
                .forEach(group -> processing.deadLetterQueue(group).ifPresent(queue -> queues.put(group, queue)));
        return queues;
    }

    private Letter letter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Object sequence = processing.sequencingPolicy(group).getSequenceIdentifierFor(message);
        String cause = letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null);
        return new Letter(
                group,
                sequence == null ? null : sequence.toString(),
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                cause,
                letter.enqueuedAt(),
                letter.lastTouched());
    }

    /** One group's queue: how many letters it holds and the first {@value #LISTED_PER_GROUP} of them. */
    record GroupLetters(String group, long count, List<Letter> entries) {}

    /** A parked event: its sequence (the user, or the aggregate), its type and why it failed. */
    record Letter(
            String group,
            String sequence,
            String eventId,
            String eventType,
            String cause,
            Instant enqueuedAt,
            Instant lastTouched) {}

    /** What a retry did: sequences tried, sequences that now succeeded, letters still parked. */
    record Retried(String group, long sequences, int succeeded, long remaining) {}
}
