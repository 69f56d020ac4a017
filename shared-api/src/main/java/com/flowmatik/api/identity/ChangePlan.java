package com.flowmatik.api.identity;

import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a user on a plan: the one way a plan changes, whoever changes it. The account decides what
 * follows from the plan ({@link Plan#role()}, {@link Plan#dailyLimits()}). Answers whether anything
 * changed.
 *
 * @param provider who bills the plan: a payment provider (the subscription's), or {@code MANUAL}
 *     when an operator put the user on it; {@code null} from a subscription saga stored before the
 *     saga kept its provider
 * @param changedBy the operator, or {@code null} when a payment or an expiry changed it
 */
public record ChangePlan(
        @TargetAggregateIdentifier UserId userId,
        Plan plan,
        PaymentProvider provider,
        UserId changedBy,
        Instant changedAt) {}
