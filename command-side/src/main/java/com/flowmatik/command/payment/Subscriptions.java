package com.flowmatik.command.payment;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.SubscriptionIds;
import com.flowmatik.command.AggregateReader;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A user's live subscription from the {@link Subscription} aggregate itself, never from the
 * subscriptions read model: "what to cancel" must not depend on a projection being up to date. A
 * user the providers never reported on has none.
 */
@Component
public class Subscriptions {

    private final Repository<Subscription> repository;
    private final AggregateReader reader;

    Subscriptions(Repository<Subscription> repository, AggregateReader reader) {
        this.repository = repository;
        this.reader = reader;
    }

    public Optional<LiveSubscription> liveOf(UserId userId) {
        return reader.read(repository, SubscriptionIds.of(userId), Subscription::live);
    }
}
