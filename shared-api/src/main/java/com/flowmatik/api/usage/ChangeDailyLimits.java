package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a user on a plan's daily limits (a plan change, or an operator's decision). */
public record ChangeDailyLimits(UserId userId, Plan plan, DailyLimits limits, Instant changedAt) {

    @TargetAggregateIdentifier
    public String usageAccountId() {
        return UsageAccountIds.of(userId);
    }
}
