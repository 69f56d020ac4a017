package com.flowmatik.query.admin;

import com.flowmatik.api.plan.Plan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@link FindDailySeries} from the admin-metrics tables (one {@link DayFigures} per day, oldest
 * first) and {@link FindPlanMix} from the users read model.
 */
@Component
class DailySeriesQueries {

    private final DailyTotals totals;
    private final SubscriptionDayRows subscriptions;
    private final PlanPrices prices;

    DailySeriesQueries(DailyTotals totals, SubscriptionDayRows subscriptions, PlanPrices prices) {
        this.totals = totals;
        this.subscriptions = subscriptions;
        this.prices = prices;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<DayFigures> handle(FindDailySeries query) {
        LocalDate to = query.lastDay();
        LocalDate from = to.minusDays(query.days() - 1L);
        Map<LocalDate, DailyTotals.Usage> usage = byDate(totals.usage(from, to), DailyTotals.Usage::getDate);
        Map<LocalDate, DailyTotals.Revenue> revenue =
                byDate(totals.revenue(prices.currency(), from, to), DailyTotals.Revenue::getDate);
        Map<LocalDate, Long> mrr = mrrAtTheEndOfEachDay(from, to);
        List<DayFigures> series = new ArrayList<>(query.days());
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            DailyTotals.Usage used = usage.get(day);
            DailyTotals.Revenue collected = revenue.get(day);
            series.add(new DayFigures(
                    day,
                    used == null ? 0 : used.getRequests(),
                    used == null ? 0 : used.getTokens(),
                    used == null ? 0 : used.getCostMicros(),
                    collected == null ? 0 : collected.getAmount(),
                    used == null ? 0 : used.getNewUsers(),
                    mrr.get(day)));
        }
        return series;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<PlanShare> handle(FindPlanMix query) {
        Map<Plan, Long> users = new EnumMap<>(Plan.class);
        totals.usersByPlan().forEach(plan -> users.put(plan.getPlan(), plan.getUsers()));
        return Arrays.stream(Plan.values())
                .map(plan -> new PlanShare(plan.wireName(), users.getOrDefault(plan, 0L)))
                .toList();
    }

    /** Walks every subscription change up to {@code to} in day order, pricing the live ones as each day ends at
     * the prices their events recorded. */
    private Map<LocalDate, Long> mrrAtTheEndOfEachDay(LocalDate from, LocalDate to) {
        String currency = prices.currency();
        Map<String, SubscriptionDayRow> current = new HashMap<>();
        Map<LocalDate, Long> mrr = new HashMap<>();
        long cents = 0;
        Iterator<SubscriptionDayRow> changes =
                subscriptions.findByDateLessThanEqualOrderByDateAsc(to).iterator();
        SubscriptionDayRow next = changes.hasNext() ? changes.next() : null;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            while (next != null && !next.date().isAfter(day)) {
                SubscriptionDayRow before = current.put(next.userId(), next);
                cents += priced(next, currency) - priced(before, currency);
                next = changes.hasNext() ? changes.next() : null;
            }
            mrr.put(day, cents);
        }
        return mrr;
    }

    /** A live subscription's recorded price, when it was sold in the currency the series is in. */
    private static long priced(SubscriptionDayRow row, String currency) {
        if (row == null
                || !row.live()
                || row.price() == null
                || !row.price().currency().equals(currency)) {
            return 0;
        }
        return row.price().amount();
    }

    private static <T> Map<LocalDate, T> byDate(List<T> rows, Function<T, LocalDate> date) {
        return rows.stream().collect(Collectors.toMap(date, Function.identity()));
    }
}
