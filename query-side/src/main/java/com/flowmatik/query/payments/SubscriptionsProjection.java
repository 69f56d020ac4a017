package com.flowmatik.query.payments;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.FindSubscription;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionCancellationScheduled;
import com.flowmatik.api.payment.SubscriptionPastDue;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionReactivated;
import com.flowmatik.api.payment.SubscriptionRenewed;
import com.flowmatik.api.payment.SubscriptionResumed;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.payment.SubscriptionStateConfirmed;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.payment.SubscriptionView;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code subscription} table and answers {@link FindSubscription}. Every handler sets
 * values from the event, so an event applied twice leaves the same row. {@link SubscriptionStateConfirmed}
 * is not handled: it says nothing changed.
 */
@Component
@ProcessingGroup(SubscriptionsProjection.GROUP)
class SubscriptionsProjection {

    static final String GROUP = "subscriptions";

    private final SubscriptionRows rows;

    SubscriptionsProjection(SubscriptionRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(SubscriptionStarted event) {
        String userId = event.userId().value();
        SubscriptionRow row = rows.findById(userId).orElseGet(() -> new SubscriptionRow(userId));
        row.start(event);
        rows.save(row);
    }

    @EventHandler
    void on(SubscriptionPlanChanged event) {
        change(event.userId(), row -> row.changePlan(event.plan(), event.changedAt()));
    }

    @EventHandler
    void on(SubscriptionRenewed event) {
        change(event.userId(), row -> row.renew(event.currentPeriodEnd(), event.renewedAt()));
    }

    @EventHandler
    void on(SubscriptionCancellationScheduled event) {
        change(event.userId(), row -> row.scheduleCancellation(event.endsAt(), event.scheduledAt()));
    }

    @EventHandler
    void on(SubscriptionResumed event) {
        change(event.userId(), row -> row.resume(event.resumedAt()));
    }

    @EventHandler
    void on(SubscriptionPastDue event) {
        change(event.userId(), row -> row.changeStatus(SubscriptionStatus.PAST_DUE, event.since()));
    }

    @EventHandler
    void on(SubscriptionReactivated event) {
        change(event.userId(), row -> row.changeStatus(SubscriptionStatus.ACTIVE, event.reactivatedAt()));
    }

    @EventHandler
    void on(SubscriptionCanceled event) {
        change(event.userId(), row -> row.cancel(event.canceledAt()));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    SubscriptionView handle(FindSubscription query) {
        return rows.findById(query.userId().value()).map(SubscriptionRow::toView).orElseGet(SubscriptionView::free);
    }

    /** Changes follow a start in the user's sequence; one without a started subscription has nothing to change. */
    private void change(UserId userId, Consumer<SubscriptionRow> change) {
        rows.findById(userId.value()).ifPresent(row -> {
            change.accept(row);
            rows.save(row);
        });
    }
}
