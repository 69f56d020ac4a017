package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The subscription moved to another plan; the user's limits follow. */
@Revision("1")
public record SubscriptionPlanChanged(UserId userId, Plan previousPlan, Plan plan, Instant changedAt) {}
