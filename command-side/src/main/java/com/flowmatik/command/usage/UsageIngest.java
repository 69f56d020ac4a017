package com.flowmatik.command.usage;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.RecordUsage;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.UsageToRecord;
import com.flowmatik.command.ai.provider.ModelCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Records a batch of usage events: checks each ({@link UsageEventCheck}), sets aside the ids already
 * accepted (a duplicate, or {@code id-reused} with another body), and sends the rest as one
 * {@link RecordUsage} to the user's usage account, whose transaction also claims their receipts
 * ({@link UsageReceipts}). A batch that lost an id to a concurrent one is run again from the look-up,
 * which then finds that id taken.
 */
@Component
class UsageIngest {

    static final int MAX_BATCH = 1000;
    /** Each run after a lost claim finds at least one more id taken; a few runs settle any race. */
    private static final int MAX_RUNS = 5;

    private final CommandGateway commands;
    private final UsageReceipts receipts;
    private final UsageEventCheck check;
    private final Clock clock;
    private final IdGenerator ids;

    UsageIngest(
            CommandGateway commands, UsageReceipts receipts, ModelCatalogue catalogue, Clock clock, IdGenerator ids) {
        this.commands = commands;
        this.receipts = receipts;
        this.check = new UsageEventCheck(catalogue);
        this.clock = clock;
        this.ids = ids;
    }

    IngestAnswer record(UserId user, List<UsageEventsBody.Event> events) {
        Instant arrivedAt = clock.instant();
        List<UsageEventCheck.Outcome> checked =
                events.stream().map(event -> check.check(event, arrivedAt)).toList();
        for (int run = 1; ; run++) {
            try {
                return IngestAnswer.of(recordOnce(user, checked, arrivedAt));
            } catch (RuntimeException failure) {
                if (run == MAX_RUNS || !claimLost(failure)) {
                    throw failure;
                }
            }
        }
    }

    private List<UsageReceipt> recordOnce(UserId user, List<UsageEventCheck.Outcome> checked, Instant arrivedAt) {
        List<String> passedIds = checked.stream()
                .filter(outcome -> outcome.passed() != null)
                .map(outcome -> outcome.passed().id())
                .distinct()
                .toList();
        Map<String, UsageReceipts.Stored> earlier = receipts.find(user, passedIds);
        Map<String, String> hashInBatch = new HashMap<>();
        List<UsageToRecord> toRecord = new ArrayList<>();
        for (UsageEventCheck.Outcome outcome : checked) {
            UsageEventCheck.Passed passed = outcome.passed();
            if (passed != null
                    && !earlier.containsKey(passed.id())
                    && hashInBatch.putIfAbsent(passed.id(), passed.bodyHash()) == null) {
                toRecord.add(passed.toRecord(ids.generateId().toString()));
            }
        }
        Map<String, UsageReceipt> recordedNow = new HashMap<>();
        if (!toRecord.isEmpty()) {
            List<RecordedUsage> recorded = commands.sendAndWait(new RecordUsage(user, toRecord, arrivedAt));
            for (RecordedUsage item : recorded) {
                recordedNow.put(
                        item.eventId(),
                        UsageReceipt.accepted(item.eventId(), item.requestId(), item.costMicros(), item.overQuota()));
            }
        }
        List<UsageReceipt> answer = new ArrayList<>(checked.size());
        Set<String> answered = new HashSet<>();
        for (UsageEventCheck.Outcome outcome : checked) {
            answer.add(receipt(outcome, earlier, hashInBatch, recordedNow, answered));
        }
        return answer;
    }

    /**
     * The first event of an id in this batch is the one recorded now; a later one with the same body
     * is its duplicate, with another body {@code id-reused}, as against an id recorded before.
     */
    private static UsageReceipt receipt(
            UsageEventCheck.Outcome outcome,
            Map<String, UsageReceipts.Stored> earlier,
            Map<String, String> hashInBatch,
            Map<String, UsageReceipt> recordedNow,
            Set<String> answered) {
        UsageEventCheck.Passed passed = outcome.passed();
        if (passed == null) {
            return UsageReceipt.rejected(outcome.id(), outcome.reason());
        }
        UsageReceipts.Stored before = earlier.get(passed.id());
        if (before == null && answered.add(passed.id())) {
            return recordedNow.get(passed.id());
        }
        String originalHash = before != null ? before.bodyHash() : hashInBatch.get(passed.id());
        if (!originalHash.equals(passed.bodyHash())) {
            return UsageReceipt.rejected(passed.id(), UsageEventCheck.ID_REUSED);
        }
        return (before != null ? before.receipt() : recordedNow.get(passed.id())).asDuplicate();
    }

    private static boolean claimLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReceiptClaimLost) {
                return true;
            }
        }
        return false;
    }
}
