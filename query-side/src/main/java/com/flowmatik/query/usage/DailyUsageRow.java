package com.flowmatik.query.usage;

import com.flowmatik.query.EventSequence;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.LocalDate;

/** A user's use of one model on one UTC day. */
@Entity
@Table(name = "daily_usage")
@IdClass(DailyUsageRow.Key.class)
class DailyUsageRow {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Id
    @Column(name = "usage_date")
    private LocalDate day;

    @Id
    @Column(name = "model", length = 128)
    private String model;

    @Column(name = "requests", nullable = false)
    private long requests;

    @Column(name = "refused", nullable = false)
    private long refused;

    @Column(name = "prompt_tokens", nullable = false)
    private long promptTokens;

    @Column(name = "completion_tokens", nullable = false)
    private long completionTokens;

    @Column(name = "cost_micros", nullable = false)
    private long costMicros;

    @Embedded
    private EventSequence taken = new EventSequence();

    /** Whether the row is in the table: updated then, inserted otherwise ({@link JdbcUsageRows}). */
    @Transient
    private boolean stored;

    protected DailyUsageRow() {}

    /** Takes in the usage account's event number {@code sequence} when it is new to this row ({@link EventSequence}). */
    boolean takesIn(long sequence) {
        return taken.takesIn(sequence);
    }

    DailyUsageRow(String userId, LocalDate day, String model) {
        this.userId = userId;
        this.day = day;
        this.model = model;
    }

    /** The row as {@code daily_usage} holds it. */
    static DailyUsageRow stored(
            Key key, long requests, long refused, long prompt, long completion, long cost, long lastSequence) {
        DailyUsageRow row = new DailyUsageRow(key.userId(), key.day(), key.model());
        row.requests = requests;
        row.refused = refused;
        row.promptTokens = prompt;
        row.completionTokens = completion;
        row.costMicros = cost;
        row.taken = new EventSequence(lastSequence);
        row.stored = true;
        return row;
    }

    void countRequests(long count) {
        requests += count;
    }

    void uncountRequest() {
        requests--;
    }

    void countRefusal() {
        refused++;
    }

    void charge(long prompt, long completion, long cost) {
        promptTokens += prompt;
        completionTokens += completion;
        costMicros += cost;
    }

    Key key() {
        return new Key(userId, day, model);
    }

    boolean isStored() {
        return stored;
    }

    LocalDate day() {
        return day;
    }

    long refused() {
        return refused;
    }

    long lastSequence() {
        return taken.last();
    }

    long requests() {
        return requests;
    }

    long promptTokens() {
        return promptTokens;
    }

    long completionTokens() {
        return completionTokens;
    }

    long costMicros() {
        return costMicros;
    }

    /** The composite key: user, day, model. */
    record Key(String userId, LocalDate day, String model) implements Serializable {
        Key() {
            this(null, null, null);
        }
    }
}
