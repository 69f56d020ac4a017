package com.flowmatik.query.admin;

import com.flowmatik.api.payment.Money;
import com.flowmatik.query.QueryCache;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.cache.CacheManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the operators' queries from the {@code admin-metrics} tables and the users and usage read models. */
@Component
class AdminMetricsQueries {

    private final UserDayRows days;
    private final UserCostRows costs;
    private final RevenueRows revenue;
    private final LiveSubscriptionRows subscriptions;
    private final UserListings listings;
    private final PlanPrices prices;
    private final QueryCache dashboardCache;

    AdminMetricsQueries(
            UserDayRows days,
            UserCostRows costs,
            RevenueRows revenue,
            LiveSubscriptionRows subscriptions,
            UserListings listings,
            PlanPrices prices,
            CacheManager caches) {
        this.days = days;
        this.costs = costs;
        this.revenue = revenue;
        this.subscriptions = subscriptions;
        this.listings = listings;
        this.prices = prices;
        this.dashboardCache = QueryCache.of(caches, AdminMetricsProjection.DASHBOARD_CACHE);
    }

    /** Cached per UTC day (see {@link AdminMetricsProjection#DASHBOARD_CACHE}): its {@code asOf} says when it was counted. */
    @QueryHandler
    @Transactional(readOnly = true)
    Dashboard handle(FindDashboard query) {
        LocalDate today = LocalDate.ofInstant(query.asOf(), ZoneOffset.UTC);
        return dashboardCache.get(today.toString(), () -> dashboard(query, today));
    }

    private Dashboard dashboard(FindDashboard query, LocalDate today) {
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        UserDayRows.Totals totals = days.totals(today, today);
        return new Dashboard(
                listings.countUsers(),
                days.countActiveUsers(today, today),
                days.countActiveUsers(firstOfMonth, today),
                mrr(),
                collected(today, today),
                collected(firstOfMonth, today),
                orZero(totals.getRequests()),
                orZero(totals.getTokens()),
                orZero(totals.getAiCostMicros()),
                orZero(totals.getNewUsers()),
                orZero(totals.getQuotaRefusals()),
                orZero(totals.getFailedPayments()),
                query.asOf());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    UserPage handle(FindUserPage query) {
        Page<UserListings.Listed> found =
                listings.findMatching(likePattern(query.search()), PageRequest.of(query.page(), query.size()));
        List<String> ids =
                found.getContent().stream().map(UserListings.Listed::getId).toList();
        Map<String, UserPage.Today> usage = ids.isEmpty()
                ? Map.of()
                : listings.findUsageOn(query.today(), ids).stream()
                        .collect(Collectors.toMap(
                                UserListings.Usage::getUserId,
                                day -> new UserPage.Today(day.getRequests(), day.getTokens(), day.getCostMicros())));
        Map<String, Long> apiKeys = ids.isEmpty()
                ? Map.of()
                : listings.findApiKeyCounts(ids).stream()
                        .collect(Collectors.toMap(UserListings.KeyCount::getUserId, UserListings.KeyCount::getApiKeys));
        List<UserPage.AdminUser> items = found.getContent().stream()
                .map(user -> new UserPage.AdminUser(
                        user.getId(),
                        user.getEmail(),
                        user.getName(),
                        user.getRole().wireName(),
                        user.getPlan().wireName(),
                        user.getActive() ? "active" : "deactivated",
                        user.getCreatedAt(),
                        usage.getOrDefault(user.getId(), UserPage.Today.NONE),
                        apiKeys.getOrDefault(user.getId(), 0L)))
                .toList();
        return new UserPage(items, query.page(), query.size(), found.getTotalElements());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    BusinessMetrics handle(FindBusinessMetrics query) {
        List<BusinessMetrics.UserCost> costliest = costs.findCostliest(PageRequest.of(0, query.top())).stream()
                .map(cost -> new BusinessMetrics.UserCost(cost.getUserId(), cost.getEmail(), cost.getCostMicros()))
                .toList();
        LocalDate today = query.today();
        return new BusinessMetrics(
                costliest, collected(today, today), collected(today.withDayOfMonth(1), today), mrr());
    }

    /**
     * The monthly prices of the live subscriptions as each was sold (recorded in its events, so a
     * price change applies to new sales only and a replay gives the same figure), in the plans' currency.
     */
    private Money mrr() {
        return new Money(subscriptions.sumLivePrices(prices.currency()), prices.currency());
    }

    /** Revenue in the plans' currency; payments in another currency are kept, not converted. */
    private Money collected(LocalDate from, LocalDate to) {
        return new Money(orZero(revenue.sumCollected(prices.currency(), from, to)), prices.currency());
    }

    /** A LIKE pattern that finds {@code search} anywhere, its own {@code %} and {@code _} taken literally. */
    static String likePattern(String search) {
        String literal = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        Function<String, String> escape =
                text -> text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escape.apply(literal) + "%";
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
