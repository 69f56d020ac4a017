package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.FindSubscription;
import com.flowmatik.api.payment.SubscriptionView;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The user's subscription as the read side knows it. Where no one answers {@link FindSubscription}
 * (a platform without the subscriptions read model), every user is on the free plan.
 */
@Component
class CurrentSubscriptions {

    private final QueryGateway queries;

    CurrentSubscriptions(QueryGateway queries) {
        this.queries = queries;
    }

    SubscriptionView of(UserId userId) {
        try {
            SubscriptionView view = queries
                    .query(new FindSubscription(userId), ResponseTypes.instanceOf(SubscriptionView.class))
                    .join();
            return view == null ? SubscriptionView.free() : view;
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof NoHandlerForQueryException) {
                return SubscriptionView.free();
            }
            throw failure;
        }
    }
}
