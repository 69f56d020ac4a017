package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The subscription moved to another plan, sold at the monthly {@code price}; the user's limits follow.
 * Revision 1 had no price; {@link SubscriptionPriceUpcasters} gives it the price of its time.
 */
@Revision("2")
public record SubscriptionPlanChanged(UserId userId, Plan previousPlan, Plan plan, Money price, Instant changedAt) {}
