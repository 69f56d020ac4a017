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
import com.flowmatik.query.ProcessorBatch;
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
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * Builds the operators' tables from events only: each count lands on the UTC day of the time the
 * event carries, so a replay gives the same rows on any day. The counters are folded per batch
 * ({@link CounterBatch}): a row is read and written once per batch, and takes in an event only when
 * the event's number in its aggregate is new to it, so an event delivered again adds nothing. Every
 * other handler sets values, or keys its row by the invoice, so an event applied twice leaves the
 * same rows.
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
    private final CounterRows counters;
    private final QueryCache dashboardCache;
    private final QueryUpdateEmitter updates;
    private final Clock clock;

    AdminMetricsProjection(
            UserDayRows days,
            UserCostRows costs,
            RevenueRows revenue,
            LiveSubscriptionRows subscriptions,
            CounterRows counters,
            CacheManager caches,
            QueryUpdateEmitter updates,
            Clock clock) {
        this.days = days;
        this.costs = costs;
        this.revenue = revenue;
        this.subscriptions = subscriptions;
        this.counters = counters;
        this.dashboardCache = QueryCache.of(caches, DASHBOARD_CACHE);
        this.updates = updates;
        this.clock = clock;
    }

    @EventHandler
    void on(UserRegistered event) {
        dashboardChanged();
        batch().register(event.userId().value(), utcDay(event.registeredAt()));
    }

    @EventHandler
    void on(AiRequestStarted event, @SequenceNumber long sequence) {
        dashboardChanged();
        onDay(event.userId(), event.startedAt(), CountedFrom.USAGE_ACCOUNT, sequence, DayCounters::countRequest);
    }

    /** A request the provider never served is not counted on the day it started. */
    @EventHandler
    void on(AiRequestNotServed event, @SequenceNumber long sequence) {
        dashboardChanged();
        onDay(event.userId(), event.startedAt(), CountedFrom.USAGE_ACCOUNT, sequence, DayCounters::uncountRequest);
    }

    @EventHandler
    void on(TokensCharged event, @SequenceNumber long sequence) {
        dashboardChanged();
        onDay(
                event.userId(),
                event.chargedAt(),
                CountedFrom.USAGE_ACCOUNT,
                sequence,
                day -> day.charge(event.promptTokens() + event.completionTokens(), event.costMicros()));
        batch().addCost(event.userId().value(), sequence, event.costMicros());
    }

    /** Usage recorded from elsewhere counts like requests started and charged, each on the day it occurred. */
    @EventHandler
    void on(UsageRecorded event, @SequenceNumber long sequence) {
        dashboardChanged();
        Map<LocalDate, List<RecordedUsage>> byDay = event.items().stream()
                .collect(Collectors.groupingBy(item -> utcDay(item.occurredAt()), TreeMap::new, Collectors.toList()));
        byDay.forEach((date, items) -> onDay(
                event.userId(),
                items.get(0).occurredAt(),
                CountedFrom.USAGE_ACCOUNT,
                sequence,
                day -> items.forEach(item -> {
                    day.countRequest();
                    day.charge(item.tokens(), item.costMicros());
                })));
        batch().addCost(
                        event.userId().value(),
                        sequence,
                        event.items().stream()
                                .mapToLong(RecordedUsage::costMicros)
                                .sum());
    }

    @EventHandler
    void on(DailyQuotaExceeded event, @SequenceNumber long sequence) {
        dashboardChanged();
        onDay(event.userId(), event.refusedAt(), CountedFrom.USAGE_ACCOUNT, sequence, DayCounters::countQuotaRefusal);
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        dashboardChanged();
        if (!revenue.existsById(new RevenueRow.Key(event.provider(), event.invoiceId()))) {
            revenue.save(new RevenueRow(event));
        }
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long sequence) {
        dashboardChanged();
        onDay(event.userId(), event.failedAt(), CountedFrom.SUBSCRIPTION, sequence, DayCounters::countFailedPayment);
    }

    @EventHandler
    void on(SubscriptionStarted event) {
        dashboardChanged();
        LiveSubscriptionRow row = subscriptions
                .findById(event.userId().value())
                .orElseGet(() -> new LiveSubscriptionRow(event.userId().value()));
        row.start(event.plan(), event.price());
        subscriptions.save(row);
    }

    @EventHandler
    void on(SubscriptionPlanChanged event) {
        dashboardChanged();
        subscription(event.userId(), row -> row.changePlan(event.plan(), event.price()));
    }

    @EventHandler
    void on(SubscriptionCanceled event) {
        dashboardChanged();
        subscription(event.userId(), LiveSubscriptionRow::end);
    }

    /**
     * Every event handled here changes today's dashboard (its own day is today or earlier this month):
     * its cached copy goes, and subscribers of {@link FindDashboard} hear when the change has committed
     * (the update is the instant; they ask for the dashboard again). Once per batch: one update tells
     * them as much as a hundred.
     */
    private void dashboardChanged() {
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().resources().putIfAbsent(DASHBOARD_CACHE, Boolean.TRUE) != null) {
            return;
        }
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
        dashboardCache.clear();
    }

    private void onDay(UserId userId, Instant at, CountedFrom from, long sequence, Consumer<DayCounters> change) {
        batch().count(userId.value(), utcDay(at), from, sequence, change);
    }

    /**
     * The counters of the batch being handled: one per unit of work (the processor's batch), written
     * when it is about to commit, in its transaction, together with the processor's token.
     */
    private CounterBatch batch() {
        return ProcessorBatch.of(CounterBatch.class, CounterBatch::new, batch -> batch.writeTo(counters));
    }

    private static LocalDate utcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Changes follow the start in the user's sequence; without a start there is nothing to change. */
    private void subscription(UserId userId, Consumer<LiveSubscriptionRow> change) {
        subscriptions.findById(userId.value()).ifPresent(row -> {
            change.accept(row);
            subscriptions.save(row);
        });
    }
}
