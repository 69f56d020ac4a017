package com.flowmatik.query.payments;

import com.flowmatik.api.identity.PlanChanged;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.FindSubscription;
import com.flowmatik.api.payment.PaymentProvider;
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
import com.flowmatik.api.plan.Plan;
import java.util.Optional;
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

    /**
     * An operator's plan shows as a subscription of the {@code manual} provider, and the free plan
     * ends it. Plans a provider bills arrive as that subscription's own events above.
     */
    @EventHandler
    void on(PlanChanged event) {
        if (event.provider() != PaymentProvider.MANUAL) {
            return;
        }
        String userId = event.userId().value();
        Optional<SubscriptionRow> existing = rows.findById(userId);
        if (event.plan() == Plan.FREE) {
            existing.filter(SubscriptionRow::isManual).ifPresent(row -> {
                row.cancel(event.changedAt());
                rows.save(row);
            });
            return;
        }
        SubscriptionRow row = existing.orElseGet(() -> new SubscriptionRow(userId));
        row.startManual(event.plan(), event.changedAt());
        rows.save(row);
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    SubscriptionView handle(FindSubscription query) {
        return rows.findById(query.userId().value())
                .map(SubscriptionRow::toView)
                .orElseGet(SubscriptionView::free);
    }

    /** Changes follow a start in the user's sequence; one without a started subscription has nothing to change. */
    private void change(UserId userId, Consumer<SubscriptionRow> change) {
        rows.findById(userId.value()).ifPresent(row -> {
            change.accept(row);
            rows.save(row);
        });
    }
}
