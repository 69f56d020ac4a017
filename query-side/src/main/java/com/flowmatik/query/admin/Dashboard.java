package com.flowmatik.query.admin;

import com.flowmatik.api.payment.Money;
import java.time.Instant;

/**
 * The platform at a glance: users, who used AI today and this month, recurring and collected revenue,
 * and today's AI use and its cost. Counts of today are of the UTC day of {@code asOf}.
 */
public record Dashboard(
        long users,
        long activeUsersToday,
        long activeUsersThisMonth,
        Money mrr,
        Money revenueToday,
        Money revenueThisMonth,
        long requestsToday,
        long tokensToday,
        long aiCostTodayMicros,
        long newUsersToday,
        long quotaRefusalsToday,
        long failedPaymentsToday,
        Instant asOf) {}
