package com.flowmatik.query.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one user's AI use has cost the platform, in micro-dollars, since they began. Written by {@link CounterBatch}. */
@Entity
@Table(name = "admin_user_cost")
class UserCostRow {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Column(name = "cost_micros", nullable = false)
    private long costMicros;

    protected UserCostRow() {}
}
