package com.flowmatik.api.identity;

import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The user's plan changed: a paid plan makes a user {@code premium}, the free plan makes them a
 * {@code user} again. An admin stays an admin. The resulting {@link RoleChanged} has no
 * {@code changedBy}: the platform made the change. Answers whether anything changed.
 */
public record ApplyPlanRole(@TargetAggregateIdentifier UserId userId, Plan plan, Instant changedAt) {}
