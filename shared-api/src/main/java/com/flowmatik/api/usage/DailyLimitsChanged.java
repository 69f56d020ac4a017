package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user's plan and with it their daily limits changed; it applies to their next request. */
@Revision("1")
public record DailyLimitsChanged(UserId userId, Plan plan, DailyLimits limits, Instant changedAt) {}
