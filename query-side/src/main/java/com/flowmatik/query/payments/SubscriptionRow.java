package com.flowmatik.query.payments;

import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.payment.SubscriptionView;
import com.flowmatik.api.plan.Plan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's one subscription; a user without a row never subscribed. Every change sets, never adds. */
@Entity
@Table(name = "subscription")
class SubscriptionRow {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan", nullable = false, length = 16)
    private Plan plan;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private SubscriptionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider", nullable = false, length = 16)
    private PaymentProvider provider;

    @Column(name = "provider_subscription_id")
    private String providerSubscriptionId;

    @Column(name = "provider_customer_id")
    private String providerCustomerId;

    @Column(name = "current_period_end")
    private Instant currentPeriodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "canceled_at")
    private Instant canceledAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SubscriptionRow() {}

    SubscriptionRow(String userId) {
        this.userId = userId;
    }

    /** A first start, or a new start after an earlier subscription ended: everything is replaced. */
    void start(SubscriptionStarted event) {
        plan = event.plan();
        status = event.status();
        provider = event.provider();
        providerSubscriptionId = event.providerSubscriptionId();
        providerCustomerId = event.providerCustomerId();
        currentPeriodEnd = event.currentPeriodEnd();
        cancelAtPeriodEnd = event.cancelAtPeriodEnd();
        startedAt = event.startedAt();
        canceledAt = null;
        updatedAt = event.startedAt();
    }

    void changePlan(Plan plan, Instant at) {
        this.plan = plan;
        updatedAt = at;
    }

    void renew(Instant currentPeriodEnd, Instant at) {
        this.currentPeriodEnd = currentPeriodEnd;
        updatedAt = at;
    }

    /** Ends with its period; {@code endsAt} is {@code null} when the period end is not known. */
    void scheduleCancellation(Instant endsAt, Instant at) {
        cancelAtPeriodEnd = true;
        if (endsAt != null) {
            currentPeriodEnd = endsAt;
        }
        updatedAt = at;
    }

    void resume(Instant at) {
        cancelAtPeriodEnd = false;
        updatedAt = at;
    }

    void changeStatus(SubscriptionStatus status, Instant at) {
        this.status = status;
        updatedAt = at;
    }

    /** Ended: the user is on the free plan, with no paid period left. The provider is kept for history. */
    void cancel(Instant at) {
        plan = Plan.FREE;
        status = SubscriptionStatus.CANCELED;
        cancelAtPeriodEnd = false;
        currentPeriodEnd = null;
        canceledAt = at;
        updatedAt = at;
    }

    /**
     * An operator's plan, which no provider bills ({@code manual}): it replaces what was there and
     * runs until an operator changes it.
     */
    void startManual(Plan plan, Instant at) {
        this.plan = plan;
        status = SubscriptionStatus.ACTIVE;
        provider = PaymentProvider.MANUAL;
        providerSubscriptionId = null;
        providerCustomerId = null;
        currentPeriodEnd = null;
        cancelAtPeriodEnd = false;
        startedAt = at;
        canceledAt = null;
        updatedAt = at;
    }

    boolean isManual() {
        return provider == PaymentProvider.MANUAL;
    }

    SubscriptionView toView() {
        return new SubscriptionView(
                plan, status, provider, providerSubscriptionId, currentPeriodEnd, cancelAtPeriodEnd);
    }
}
