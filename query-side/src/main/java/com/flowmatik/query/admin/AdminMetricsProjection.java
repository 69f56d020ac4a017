package com.flowmatik.query.admin;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.PaymentSucceeded;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.usage.AiRequestNotServed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.api.usage.UsageRecorded;
import com.flowmatik.query.QueryCache;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * Builds the operators' tables from events only: each count lands on the UTC day of the time the
 * event carries, so a replay gives the same rows on any day. A handler that adds to a counter first
 * records the event's identifier and adds nothing for an event it has seen; every other handler sets
 * values, or keys its row by the invoice, so an event applied twice leaves the same rows.
 */
@Component
@ProcessingGroup(AdminMetricsProjection.GROUP)
class AdminMetricsProjection {

    static final String GROUP = "admin-metrics";
    /** Today's dashboard, per UTC day; every event this projection handles changes it. */
    static final String DASHBOARD_CACHE = "admin-dashboard";

    private final UserDayRows days;
    private final UserCostRows costs;
    private final RevenueRows revenue;
    private final LiveSubscriptionRows subscriptions;
    private final CountedEvents counted;
    private final QueryCache dashboardCache;
    private final QueryUpdateEmitter updates;
    private final Clock clock;

    AdminMetricsProjection(
            UserDayRows days,
            UserCostRows costs,
            RevenueRows revenue,
            LiveSubscriptionRows subscriptions,
            CountedEvents counted,
            CacheManager caches,
            QueryUpdateEmitter updates,
            Clock clock) {
        this.days = days;
        this.costs = costs;
        this.revenue = revenue;
        this.subscriptions = subscriptions;
        this.counted = counted;
        this.dashboardCache = QueryCache.of(caches, DASHBOARD_CACHE);
        this.updates = updates;
        this.clock = clock;
    }



    @EventHandler
    void on(UserRegistered event) {
        dashboardChanged();
        onDay(event.userId(), event.registeredAt(), UserDayRow::register);
    }

    @EventHandler
    void on(AiRequestStarted event, @MessageIdentifier String eventId) {
        dashboardChanged();
        if (counted.firstTime(eventId)) {
            onDay(event.userId(), event.startedAt(), UserDayRow::countRequest);
        }
    }

    /** A request the provider never served is not counted on the day it started. */
    @EventHandler
    void on(AiRequestNotServed event, @MessageIdentifier String eventId) {
        dashboardChanged();
        if (counted.firstTime(eventId)) {
            onDay(event.userId(), event.startedAt(), UserDayRow::uncountRequest);
        }
    }

    @EventHandler
    void on(TokensCharged event, @MessageIdentifier String eventId) {
        dashboardChanged();
        if (counted.firstTime(eventId)) {
            onDay(event.userId(), event.chargedAt(),
                    day -> day.charge(event.promptTokens() + event.completionTokens(), event.costMicros()));
            UserCostRow cost = costs.findById(event.userId().value())
                    .orElseGet(() -> new UserCostRow(event.userId().value()));
            cost.add(event.costMicros());
            costs.save(cost);
        }
    }

    /** Usage recorded from elsewhere counts like requests started and charged, each on the day it occurred. */
    @EventHandler
    void on(UsageRecorded event, @MessageIdentifier String eventId) {
        dashboardChanged();
        if (counted.firstTime(eventId)) {
            Map<LocalDate, List<RecordedUsage>> byDay = event.items().stream().collect(Collectors.groupingBy(
                    item -> LocalDate.ofInstant(item.occurredAt(), ZoneOffset.UTC), TreeMap::new, Collectors.toList()));
            byDay.forEach((date, items) -> onDay(event.userId(), items.get(0).occurredAt(), day -> items.forEach(item -> {
                day.countRequest();
                day.charge(item.tokens(), item.costMicros());
            })));
            UserCostRow cost = costs.findById(event.userId().value())
                    .orElseGet(() -> new UserCostRow(event.userId().value()));
            cost.add(event.items().stream().mapToLong(RecordedUsage::costMicros).sum());
            costs.save(cost);
        }
    }

    @EventHandler
    void on(DailyQuotaExceeded event, @MessageIdentifier String eventId) {
        dashboardChanged();
        if (counted.firstTime(eventId)) {
            onDay(event.userId(), event.refusedAt(), UserDayRow::countQuotaRefusal);
        }
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        dashboardChanged();
        if (!revenue.existsById(new RevenueRow.Key(event.provider(), event.invoiceId()))) {
            revenue.save(new RevenueRow(event));
        }
    }

    @EventHandler
    void on(PaymentFailed event, @MessageIdentifier String eventId) {
        dashboardChanged();
        if (counted.firstTime(eventId)) {
            onDay(event.userId(), event.failedAt(), UserDayRow::countFailedPayment);
        }
    }

    @EventHandler
    void on(SubscriptionStarted event) {
        dashboardChanged();
        LiveSubscriptionRow row = subscriptions.findById(event.userId().value())
                .orElseGet(() -> new LiveSubscriptionRow(event.userId().value()));
        row.start(event.plan());
        subscriptions.save(row);
    }

    @EventHandler
    void on(SubscriptionPlanChanged event) {
        dashboardChanged();
        subscription(event.userId(), row -> row.changePlan(event.plan()));
    }

    @EventHandler
    void on(SubscriptionCanceled event) {
        dashboardChanged();
        subscription(event.userId(), LiveSubscriptionRow::end);
    }

    /**
     * Every event handled here changes today's dashboard (its own day is today or earlier this month):
     * its cached copy goes, and subscribers of {@link FindDashboard} hear when the change has committed
     * (the update is the instant; they ask for the dashboard again).
     */
    private void dashboardChanged() {
        Instant now = clock.instant();
        dashboardCache.evict(LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
        updates.emit(FindDashboard.class, query -> true, now);
    }

    @ResetHandler
    void reset() {
        days.deleteAllInBatch();
        costs.deleteAllInBatch();
        revenue.deleteAllInBatch();
        subscriptions.deleteAllInBatch();
        counted.deleteAllInBatch();
        dashboardCache.clear();
    }

    private void onDay(UserId userId, Instant at, Consumer<UserDayRow> change) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        UserDayRow day = days.findById(new UserDayRow.Key(userId.value(), date))
                .orElseGet(() -> new UserDayRow(userId.value(), date));
        change.accept(day);
        days.save(day);
    }

    /** Changes follow the start in the user's sequence; without a start there is nothing to change. */
    private void subscription(UserId userId, Consumer<LiveSubscriptionRow> change) {
        subscriptions.findById(userId.value()).ifPresent(row -> {
            change.accept(row);
            subscriptions.save(row);
        });
    }
}
