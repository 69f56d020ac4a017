package com.flowmatik.query.admin;

import com.flowmatik.api.plan.Plan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's subscription as the MRR sees it: its plan, and whether it still renews. Active and
 * past-due subscriptions are live (a past-due one keeps its plan while the provider retries), and so
 * is one canceled at period end until the period is over; an ended one is not.
 */
@Entity
@Table(name = "admin_subscription")
class LiveSubscriptionRow {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan", nullable = false, length = 16)
    private Plan plan;

    @Column(name = "live", nullable = false)
    private boolean live;

    protected LiveSubscriptionRow() {}

    LiveSubscriptionRow(String userId) {
        this.userId = userId;
    }

    void start(Plan plan) {
        this.plan = plan;
        this.live = true;
    }

    void changePlan(Plan plan) {
        this.plan = plan;
    }

    void end() {
        this.live = false;
    }
}
