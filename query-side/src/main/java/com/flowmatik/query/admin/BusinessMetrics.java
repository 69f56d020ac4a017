package com.flowmatik.query.admin;

import com.flowmatik.api.payment.Money;
import java.util.List;

/** AI cost per user (costliest first) and revenue: collected today and this month, and recurring. */
public record BusinessMetrics(List<UserCost> aiCostPerUser, Money revenueToday, Money revenueThisMonth, Money mrr) {

    /** What a user's AI use has cost since they began; {@code email} is {@code null} if the users read model lags. */
    public record UserCost(String userId, String email, long costMicros) {}
}
