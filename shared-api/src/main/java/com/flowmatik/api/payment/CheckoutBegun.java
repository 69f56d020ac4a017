package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A checkout of the plan was opened at the provider (or is about to be): until it is paid, abandoned
 * or {@code expiresAt} passes, the user cannot open another. Nothing is charged by this fact.
 */
@Revision("1")
public record CheckoutBegun(
        UserId userId, PaymentProvider provider, Plan plan, String attemptId, Instant begunAt, Instant expiresAt) {}
