package com.flowmatik.query.usage;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.usage.AiRequestCompleted;
import com.flowmatik.api.usage.AiRequestFailed;
import com.flowmatik.api.usage.AiRequestNotServed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.DailyLimitsChanged;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.DailyUsage;
import com.flowmatik.api.usage.FindUsage;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.api.usage.UsageRecorded;
import com.flowmatik.api.usage.UsageReport;
import com.flowmatik.query.EventSequence;
import com.flowmatik.query.ProcessorBatch;
import com.flowmatik.query.QueryCache;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * Builds the usage tables from the usage accounts' events and answers {@link FindUsage}. Requests
 * count on the UTC day they started, tokens and cost on the day they were charged, as the usage
 * account counts them. Every count is taken once, however often its event is delivered
 * ({@link EventSequence}).
 */
@Component
@ProcessingGroup(UsageProjection.GROUP)
class UsageProjection {

    static final String GROUP = "usage";
    static final String CACHE = "usage-today";

    private final DailyUsageRows dayRows;
    private final AiRequestRows requests;
    /** Every change to {@code daily_usage} and {@code ai_request_log} is folded per batch ({@link UsageBatch}). */
    private final JdbcUsageRows writes;

    private final UsageLimitsRows limits;
    /** The report of the default range, per user and day. */
    private final QueryCache cache;

    private final Clock clock;

    UsageProjection(
            DailyUsageRows days,
            AiRequestRows requests,
            JdbcUsageRows writes,
            UsageLimitsRows limits,
            CacheManager caches,
            Clock clock) {
        this.dayRows = days;
        this.requests = requests;
        this.writes = writes;
        this.limits = limits;
        this.cache = QueryCache.of(caches, CACHE);
        this.clock = clock;
    }

    @EventHandler
    void on(AiRequestStarted event, @SequenceNumber long sequence) {
        changed(event.userId(), event.startedAt());
        onDay(event.userId(), event.startedAt(), event.model(), day -> {
            if (day.takesIn(sequence)) {
                day.countRequests(1);
            }
        });
        batch().start(new AiRequestRow(
                event.requestId(),
                event.userId().value(),
                event.parentRequestId(),
                event.kind(),
                event.model(),
                event.startedAt()));
    }

    @EventHandler
    void on(DailyQuotaExceeded event, @SequenceNumber long sequence) {
        changed(event.userId(), event.refusedAt());
        onDay(event.userId(), event.refusedAt(), event.model(), day -> {
            if (day.takesIn(sequence)) {
                day.countRefusal();
            }
        });
    }

    @EventHandler
    void on(AiRequestCompleted event) {
        batch().request(
                        event.requestId(),
                        request -> request.complete(
                                event.promptTokens(),
                                event.completionTokens(),
                                event.reasoningTokens(),
                                event.estimated(),
                                event.completedAt()));
    }

    @EventHandler
    void on(AiRequestFailed event) {
        batch().request(event.requestId(), request -> request.fail(event.reason(), event.failedAt()));
    }

    /** A request the provider never served is not counted on the day it started. */
    @EventHandler
    void on(AiRequestNotServed event, @SequenceNumber long sequence) {
        changed(event.userId(), event.startedAt());
        onDay(event.userId(), event.startedAt(), event.model(), day -> {
            if (day.takesIn(sequence)) {
                day.uncountRequest();
            }
        });
    }

    @EventHandler
    void on(TokensCharged event, @SequenceNumber long sequence) {
        changed(event.userId(), event.chargedAt());
        onDay(event.userId(), event.chargedAt(), event.model(), day -> {
            if (day.takesIn(sequence)) {
                day.charge(event.promptTokens(), event.completionTokens(), event.costMicros());
            }
        });
        batch().request(
                        event.requestId(),
                        request -> request.charge(event.promptTokens(), event.completionTokens(), event.costMicros()));
    }

    /**
     * Each item counts as a request started and charged on the UTC day it occurred. The items are
     * summed per day and model first: the event has one sequence number, which each row takes in once.
     * Ingested usage has no entry in the request log, whose rows are the platform's own calls; its
     * receipt is its record.
     */
    @EventHandler
    void on(UsageRecorded event, @SequenceNumber long sequence) {
        Map<DailyUsageRow.Key, long[]> sums = new LinkedHashMap<>();
        for (RecordedUsage item : event.items()) {
            LocalDate date = item.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
            long[] sum = sums.computeIfAbsent(
                    new DailyUsageRow.Key(event.userId().value(), date, item.model()), key -> new long[4]);
            sum[0]++;
            sum[1] += item.promptTokens();
            sum[2] += item.completionTokens();
            sum[3] += item.costMicros();
        }
        sums.forEach((key, sum) -> {
            changed(event.userId(), key.day());
            batch().day(key, day -> {
                if (day.takesIn(sequence)) {
                    day.countRequests(sum[0]);
                    day.charge(sum[1], sum[2], sum[3]);
                }
            });
        });
    }

    @EventHandler
    void on(DailyLimitsChanged event) {
        changed(event.userId(), event.changedAt());
        UsageLimitsRow row = limits.findById(event.userId().value())
                .orElseGet(() -> new UsageLimitsRow(event.userId().value()));
        row.set(event.plan(), event.limits());
        limits.save(row);
    }

    @ResetHandler
    void reset() {
        dayRows.deleteAllInBatch();
        requests.deleteAllInBatch();
        limits.deleteAllInBatch();
        cache.clear();
    }

    /**
     * The report of the default range (the last {@value UsageController#DEFAULT_DAYS} days) comes
     * through the cache; other ranges straight from the tables.
     */
    @QueryHandler
    UsageReport handle(FindUsage query) {
        boolean defaultRange = query.to().equals(query.today())
                && query.from().equals(query.today().minusDays(UsageController.DEFAULT_DAYS - 1));
        return defaultRange ? cache.get(key(query.userId(), query.today()), () -> report(query)) : report(query);
    }

    private UsageReport report(FindUsage query) {
        String userId = query.userId().value();
        LocalDate from = query.from().isAfter(query.today()) ? query.today() : query.from();
        LocalDate to = query.to().isBefore(query.today()) ? query.today() : query.to();
        Map<LocalDate, DailyUsage> byDay = new TreeMap<>();
        for (DailyUsageRow row : dayRows.findByUserIdAndDayBetween(userId, from, to)) {
            byDay.merge(
                    row.day(),
                    new DailyUsage(
                            row.day(), row.requests(), row.promptTokens(), row.completionTokens(), row.costMicros()),
                    UsageProjection::add);
        }
        DailyUsage today = byDay.getOrDefault(query.today(), new DailyUsage(query.today(), 0, 0, 0, 0));
        List<DailyUsage> daily = byDay.values().stream()
                .filter(day -> !day.date().isBefore(query.from()) && !day.date().isAfter(query.to()))
                .toList();
        UsageLimitsRow current = limits.findById(userId).orElse(null);
        Plan plan = current == null ? Plan.FREE : current.plan();
        return new UsageReport(plan, current == null ? Plan.FREE.dailyLimits() : current.limits(), today, daily);
    }

    /** An event of that instant changed the user's usage: their cached report of its day, and of today, is stale. */
    private void changed(UserId userId, Instant at) {
        changed(userId, at.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    private void changed(UserId userId, LocalDate day) {
        cache.evict(
                key(userId, day),
                key(userId, clock.instant().atOffset(ZoneOffset.UTC).toLocalDate()));
    }

    private static String key(UserId userId, LocalDate day) {
        return userId.value() + ":" + day;
    }

    private void onDay(UserId userId, Instant at, String model, Consumer<DailyUsageRow> change) {
        batch().day(
                        new DailyUsageRow.Key(
                                userId.value(), at.atOffset(ZoneOffset.UTC).toLocalDate(), model),
                        change);
    }

    /** The usage rows of the batch being handled, written when it is about to commit ({@link UsageBatch}). */
    private UsageBatch batch() {
        return ProcessorBatch.of(UsageBatch.class, UsageBatch::new, batch -> batch.writeTo(writes));
    }

    private static DailyUsage add(DailyUsage a, DailyUsage b) {
        return new DailyUsage(
                a.date(),
                a.requests() + b.requests(),
                a.promptTokens() + b.promptTokens(),
                a.completionTokens() + b.completionTokens(),
                a.costMicros() + b.costMicros());
    }
}
