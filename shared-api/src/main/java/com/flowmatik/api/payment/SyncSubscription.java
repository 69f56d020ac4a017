package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Bring a user's subscription in line with what the provider reported. Deliveries arrive in any
 * order: a report older than the last one applied changes nothing, and so does a report of creation
 * from the same instant as one already applied (a provider's "created" and "updated" often share a
 * second). Answers whether anything changed.
 *
 * @param observedAt when the provider produced the report (its event time, not the arrival time)
 * @param creation the report announces the subscription's creation
 */
public record SyncSubscription(UserId userId, ProviderSubscription observed, Instant observedAt, boolean creation) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionIds.of(userId);
    }
}
