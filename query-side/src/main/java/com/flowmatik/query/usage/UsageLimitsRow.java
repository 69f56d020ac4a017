package com.flowmatik.query.usage;

import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.plan.Plan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The plan and limits a user is on; users without a row are on the free plan. */
@Entity
@Table(name = "usage_limits")
class UsageLimitsRow {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan", nullable = false, length = 16)
    private Plan plan;

    @Column(name = "requests_per_day")
    private Long requestsPerDay;

    @Column(name = "tokens_per_day")
    private Long tokensPerDay;

    protected UsageLimitsRow() {}

    UsageLimitsRow(String userId) {
        this.userId = userId;
    }

    void set(Plan plan, DailyLimits limits) {
        this.plan = plan;
        this.requestsPerDay = limits.requestsPerDay();
        this.tokensPerDay = limits.tokensPerDay();
    }

    Plan plan() {
        return plan;
    }

    DailyLimits limits() {
        return new DailyLimits(requestsPerDay, tokensPerDay);
    }
}
