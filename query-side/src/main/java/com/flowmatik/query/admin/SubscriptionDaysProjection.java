package com.flowmatik.query.admin;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * The history behind the MRR of each day, in the {@code admin-metrics} group so that its replay
 * rebuilds it with the rest. Every handler sets the state of the user's day, so an event applied
 * twice leaves the same row. A change never lands before the user's latest recorded one (an event
 * stamped earlier than one already applied is counted on the later day), so the latest row is always
 * the subscription as it stands, as {@link LiveSubscriptionRow} has it.
 */
@Component
@ProcessingGroup(AdminMetricsProjection.GROUP)
class SubscriptionDaysProjection {

    private final SubscriptionDayRows rows;

    SubscriptionDaysProjection(SubscriptionDayRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(SubscriptionStarted event) {
        record(event.userId(), event.startedAt(), latest(event.userId()), event.plan(), event.price(), true);
    }

    @EventHandler
    void on(SubscriptionPlanChanged event) {
        latest(event.userId())
                .ifPresent(latest -> record(
                        event.userId(),
                        event.changedAt(),
                        Optional.of(latest),
                        event.plan(),
                        event.price(),
                        latest.live()));
    }

    @EventHandler
    void on(SubscriptionCanceled event) {
        latest(event.userId())
                .ifPresent(latest -> record(
                        event.userId(), event.canceledAt(), Optional.of(latest), latest.plan(), latest.price(), false));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    private Optional<SubscriptionDayRow> latest(UserId userId) {
        return rows.findFirstByUserIdOrderByDateDesc(userId.value());
    }

    private void record(
            UserId userId, Instant at, Optional<SubscriptionDayRow> latest, Plan plan, Money price, boolean live) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        LocalDate onOrAfterLatest =
                latest.map(SubscriptionDayRow::date).filter(day::isBefore).orElse(day);
        rows.save(new SubscriptionDayRow(userId.value(), onOrAfterLatest, plan, price, live));
    }
}
