package com.flowmatik.api.identity;

import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user's plan changed, and with it the daily limits the plan grants (recorded as they were).
 *
 * @param previousPlan {@code null} when the account had no plan change recorded before
 * @param provider who bills the plan; {@code MANUAL} for an operator's decision
 * @param changedBy the operator, or {@code null} when a payment or an expiry changed it
 */
@Revision("1")
public record PlanChanged(
        UserId userId,
        Plan previousPlan,
        Plan plan,
        DailyLimits limits,
        PaymentProvider provider,
        UserId changedBy,
        Instant changedAt) {}
