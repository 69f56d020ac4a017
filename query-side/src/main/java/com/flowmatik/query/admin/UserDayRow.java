package com.flowmatik.query.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * What one user did on one UTC day, as the operators count it. Kept per user (not one row per day)
 * so that each row is written by the one processor segment that owns the user's events: no two
 * segments ever update the same counters. Read here; written per batch by {@link CounterBatch}.
 */
@Entity
@Table(name = "admin_user_day")
@IdClass(UserDayRow.Key.class)
class UserDayRow {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Id
    @Column(name = "metric_date")
    private LocalDate date;

    @Column(name = "registered", nullable = false)
    private boolean registered;

    @Column(name = "requests", nullable = false)
    private long requests;

    @Column(name = "tokens", nullable = false)
    private long tokens;

    @Column(name = "ai_cost_micros", nullable = false)
    private long aiCostMicros;

    @Column(name = "quota_refusals", nullable = false)
    private long quotaRefusals;

    @Column(name = "failed_payments", nullable = false)
    private long failedPayments;

    protected UserDayRow() {}

    /** The composite key: user and day. */
    record Key(String userId, LocalDate date) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
