package com.flowmatik.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The admin-metrics counters folded per batch: given events, the rows; given them again, the same rows. */
class CounterBatchTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final LocalDate TUESDAY = LocalDate.parse("2026-03-03");

    private final StoredRows rows = new StoredRows();

    @Test
    void aBatchFoldsItsEventsIntoOneWriteOfEachRowItTouches() {
        CounterBatch batch = new CounterBatch();
        batch.register("ann", MONDAY);
        usage(batch, "ann", MONDAY, 0, DayCounters::countRequest);
        usage(batch, "ann", MONDAY, 1, day -> day.charge(30, 500));
        batch.addCost("ann", 1, 500);
        usage(batch, "ann", MONDAY, 2, DayCounters::countRequest);
        usage(batch, "ann", MONDAY, 3, DayCounters::uncountRequest);
        usage(batch, "ann", TUESDAY, 4, DayCounters::countQuotaRefusal);
        batch.count("ann", TUESDAY, CountedFrom.SUBSCRIPTION, 0, DayCounters::countFailedPayment);

        batch.writeTo(rows);

        assertThat(rows.saves).isEqualTo(1);
        // registered, requests, tokens, cost, quota refusals, failed payments, last usage / subscription event
        assertThat(values(rows.days.get(new UserDayRow.Key("ann", MONDAY))))
                .containsExactly(1L, 1L, 30L, 500L, 0L, 0L, 3L, -1L);
        assertThat(values(rows.days.get(new UserDayRow.Key("ann", TUESDAY))))
                .containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 4L, 0L);
        assertThat(rows.costs.get("ann").costMicros).isEqualTo(500);
    }

    @Test
    void aLaterBatchAddsToTheStoredRows() {
        CounterBatch first = new CounterBatch();
        usage(first, "bob", MONDAY, 0, DayCounters::countRequest);
        first.addCost("bob", 0, 200);
        first.writeTo(rows);

        CounterBatch second = new CounterBatch();
        usage(second, "bob", MONDAY, 1, DayCounters::countRequest);
        second.addCost("bob", 1, 300);
        second.writeTo(rows);

        assertThat(rows.days.get(new UserDayRow.Key("bob", MONDAY)).requests).isEqualTo(2);
        assertThat(rows.costs.get("bob").costMicros).isEqualTo(500);
        assertThat(rows.inserts).isEqualTo(2);
        assertThat(rows.updates).isEqualTo(2);
    }

    @Test
    void aBatchDeliveredAgainChangesNoRowAndWritesNothing() {
        fold(batchOfBob()).writeTo(rows);
        Map<String, List<Long>> once = rows.snapshot();
        int writes = rows.saves;

        fold(batchOfBob()).writeTo(rows);

        assertThat(rows.snapshot()).isEqualTo(once);
        assertThat(rows.saves).isEqualTo(writes);
    }

    @Test
    void anEventDeliveredTwiceInOneBatchIsCountedOnce() {
        CounterBatch batch = new CounterBatch();
        usage(batch, "cat", MONDAY, 0, DayCounters::countRequest);
        batch.addCost("cat", 0, 100);
        usage(batch, "cat", MONDAY, 0, DayCounters::countRequest);
        batch.addCost("cat", 0, 100);
        batch.count("cat", MONDAY, CountedFrom.SUBSCRIPTION, 0, DayCounters::countFailedPayment);
        batch.count("cat", MONDAY, CountedFrom.SUBSCRIPTION, 0, DayCounters::countFailedPayment);
        batch.writeTo(rows);

        DayCounters monday = rows.days.get(new UserDayRow.Key("cat", MONDAY));
        assertThat(monday.requests).isEqualTo(1);
        assertThat(monday.failedPayments).isEqualTo(1);
        assertThat(rows.costs.get("cat").costMicros).isEqualTo(100);
    }

    @Test
    void aBatchThatStartsBeforeTheRowsLastEventTakesInOnlyTheNewOnes() {
        CounterBatch first = new CounterBatch();
        usage(first, "dee", MONDAY, 0, DayCounters::countRequest);
        usage(first, "dee", MONDAY, 1, DayCounters::countRequest);
        first.writeTo(rows);

        CounterBatch overlapping = new CounterBatch();
        usage(overlapping, "dee", MONDAY, 1, DayCounters::countRequest);
        usage(overlapping, "dee", MONDAY, 2, DayCounters::countRequest);
        overlapping.writeTo(rows);

        assertThat(rows.days.get(new UserDayRow.Key("dee", MONDAY)).requests).isEqualTo(3);
    }

    @Test
    void theUsageAccountAndTheSubscriptionAreNumberedApart() {
        CounterBatch batch = new CounterBatch();
        usage(batch, "eve", MONDAY, 5, DayCounters::countRequest);
        batch.count("eve", MONDAY, CountedFrom.SUBSCRIPTION, 2, DayCounters::countFailedPayment);
        batch.writeTo(rows);

        DayCounters monday = rows.days.get(new UserDayRow.Key("eve", MONDAY));
        assertThat(monday.requests).isEqualTo(1);
        assertThat(monday.failedPayments).isEqualTo(1);
    }

    @Test
    void aRegistrationDeliveredAgainWritesNothing() {
        CounterBatch first = new CounterBatch();
        first.register("fay", MONDAY);
        first.writeTo(rows);
        CounterBatch again = new CounterBatch();
        again.register("fay", MONDAY);
        again.writeTo(rows);

        assertThat(rows.saves).isEqualTo(1);
        assertThat(rows.days.get(new UserDayRow.Key("fay", MONDAY)).registered).isTrue();
    }

    private static void usage(
            CounterBatch batch, String user, LocalDate day, long sequence, Consumer<DayCounters> change) {
        batch.count(user, day, CountedFrom.USAGE_ACCOUNT, sequence, change);
    }

    private static List<Long> values(DayCounters day) {
        return List.of(
                day.registered ? 1L : 0L,
                day.requests,
                day.tokens,
                day.aiCostMicros,
                day.quotaRefusals,
                day.failedPayments,
                day.lastUsageSequence,
                day.lastSubscriptionSequence);
    }

    private static Consumer<CounterBatch> batchOfBob() {
        return batch -> {
            batch.register("bob", MONDAY);
            usage(batch, "bob", MONDAY, 0, DayCounters::countRequest);
            usage(batch, "bob", MONDAY, 1, day -> day.charge(12, 90));
            batch.addCost("bob", 1, 90);
            batch.count("bob", MONDAY, CountedFrom.SUBSCRIPTION, 3, DayCounters::countFailedPayment);
        };
    }

    private static CounterBatch fold(Consumer<CounterBatch> events) {
        CounterBatch batch = new CounterBatch();
        events.accept(batch);
        return batch;
    }

    /** The tables as copies: a row read is a new object, as it is from the database. */
    private static final class StoredRows implements CounterRows {
        final Map<UserDayRow.Key, DayCounters> days = new HashMap<>();
        final Map<String, CostCounters> costs = new HashMap<>();
        int saves;
        int inserts;
        int updates;

        @Override
        public Map<UserDayRow.Key, DayCounters> days(Set<UserDayRow.Key> keys) {
            Map<UserDayRow.Key, DayCounters> found = new HashMap<>();
            keys.stream().filter(days::containsKey).forEach(key -> found.put(key, copy(days.get(key))));
            return found;
        }

        @Override
        public Map<String, CostCounters> costs(Set<String> userIds) {
            Map<String, CostCounters> found = new HashMap<>();
            userIds.stream().filter(costs::containsKey).forEach(user -> {
                CostCounters stored = costs.get(user);
                CostCounters copy = new CostCounters(user, true);
                copy.costMicros = stored.costMicros;
                copy.lastUsageSequence = stored.lastUsageSequence;
                found.put(user, copy);
            });
            return found;
        }

        @Override
        public void save(Collection<DayCounters> changedDays, Collection<CostCounters> changedCosts) {
            saves++;
            for (DayCounters day : changedDays) {
                assertThat(days.containsKey(day.key()))
                        .as("stored %s", day.key())
                        .isEqualTo(day.stored);
                count(day.stored);
                days.put(day.key(), day);
            }
            for (CostCounters cost : changedCosts) {
                assertThat(costs.containsKey(cost.userId))
                        .as("stored cost of %s", cost.userId)
                        .isEqualTo(cost.stored);
                count(cost.stored);
                costs.put(cost.userId, cost);
            }
        }

        private void count(boolean stored) {
            if (stored) {
                updates++;
            } else {
                inserts++;
            }
        }

        Map<String, List<Long>> snapshot() {
            Map<String, List<Long>> all = new HashMap<>();
            days.forEach((key, day) -> all.put(key.toString(), values(day)));
            costs.forEach((user, cost) -> all.put(user, List.of(cost.costMicros, cost.lastUsageSequence)));
            return all;
        }

        private static DayCounters copy(DayCounters stored) {
            DayCounters copy = new DayCounters(stored.userId, stored.date, true);
            copy.registered = stored.registered;
            copy.requests = stored.requests;
            copy.tokens = stored.tokens;
            copy.aiCostMicros = stored.aiCostMicros;
            copy.quotaRefusals = stored.quotaRefusals;
            copy.failedPayments = stored.failedPayments;
            copy.lastUsageSequence = stored.lastUsageSequence;
            copy.lastSubscriptionSequence = stored.lastSubscriptionSequence;
            return copy;
        }
    }
}
