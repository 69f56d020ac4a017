package com.flowmatik.query.admin;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Where the admin-metrics counters are kept: read once and written once per batch ({@link CounterBatch}). */
interface CounterRows {

    /** The stored rows of these keys; a key without a row is missing from the answer. */
    Map<UserDayRow.Key, DayCounters> days(Set<UserDayRow.Key> keys);

    /** The stored cost rows of these users; a user without a row is missing from the answer. */
    Map<String, CostCounters> costs(Set<String> userIds);

    /** Inserts the rows not stored yet and updates the others. */
    void save(Collection<DayCounters> days, Collection<CostCounters> costs);
}
