package com.flowmatik.query.admin;

import com.flowmatik.api.payment.Money;
import com.flowmatik.api.plan.Plan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's subscription as the MRR sees it: its plan, the monthly price it was sold at (as its events
 * recorded it), and whether it still renews. Active and
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

    @Column(name = "price_minor")
    private Long priceMinor;

    @Column(name = "currency", length = 3)
    private String currency;

    protected LiveSubscriptionRow() {}

    LiveSubscriptionRow(String userId) {
        this.userId = userId;
    }

    void start(Plan plan, Money price) {
        this.plan = plan;
        this.live = true;
        price(price);
    }

    void changePlan(Plan plan, Money price) {
        this.plan = plan;
        price(price);
    }

    private void price(Money price) {
        this.priceMinor = price.amount();
        this.currency = price.currency();
    }

    void end() {
        this.live = false;
    }
}
