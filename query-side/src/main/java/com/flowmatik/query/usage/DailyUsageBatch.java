package com.flowmatik.query.usage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The daily usage rows a batch of events changes, each loaded once and saved once, when the batch
 * commits (in its transaction, with the processor's token). A batch of ingested usage touches the
 * same few rows hundreds of times; one load and one save per row instead of per event is what lets
 * the projection keep up. Every change to {@code daily_usage} goes through here: a row changed
 * beside it would be overwritten by the batch's copy.
 */
final class DailyUsageBatch {

    private static final String RESOURCE = DailyUsageBatch.class.getName();

    private final DailyUsageRows rows;

    DailyUsageBatch(DailyUsageRows rows) {
        this.rows = rows;
    }

    void change(String userId, LocalDate day, String model, Consumer<DailyUsageRow> change) {
        DailyUsageRow.Key key = new DailyUsageRow.Key(userId, day, model);
        if (!CurrentUnitOfWork.isStarted()) {
            DailyUsageRow row = load(key);
            change.accept(row);
            rows.save(row);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<DailyUsageRow.Key, DailyUsageRow> changed = batch.getOrComputeResource(RESOURCE, name -> {
            Map<DailyUsageRow.Key, DailyUsageRow> touched = new LinkedHashMap<>();
            batch.onPrepareCommit(committing -> rows.saveAll(touched.values()));
            return touched;
        });
        change.accept(changed.computeIfAbsent(key, this::load));
    }

    private DailyUsageRow load(DailyUsageRow.Key key) {
        return rows.findById(key).orElseGet(() -> new DailyUsageRow(key.userId(), key.day(), key.model()));
    }
}
