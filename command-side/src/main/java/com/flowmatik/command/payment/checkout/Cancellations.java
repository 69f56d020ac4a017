package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.ScheduleCancellation;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.payment.LiveSubscription;
import com.flowmatik.command.payment.Subscriptions;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Cancels a paid plan at the end of its period: the provider first, and only once it has accepted,
 * the subscription is told ({@link ScheduleCancellation}). A provider that refuses leaves both
 * untouched. What to cancel is the {@code Subscription} aggregate's answer, not a read model's.
 */
@Component
class Cancellations {

    private final Subscriptions subscriptions;
    private final StripeGateway stripe;
    private final LemonSqueezyGateway lemonSqueezy;
    private final CommandGateway commands;
    private final Clock clock;
    private final IdGenerator ids;

    Cancellations(
            Subscriptions subscriptions,
            StripeGateway stripe,
            LemonSqueezyGateway lemonSqueezy,
            CommandGateway commands,
            Clock clock,
            IdGenerator ids) {
        this.subscriptions = subscriptions;
        this.stripe = stripe;
        this.lemonSqueezy = lemonSqueezy;
        this.commands = commands;
        this.clock = clock;
        this.ids = ids;
    }

    SubscriptionAnswer cancel(UserId userId) {
        LiveSubscription current = subscriptions
                .liveOf(userId)
                .orElseThrow(() -> new BusinessRuleViolation(
                        ErrorCode.NO_ACTIVE_SUBSCRIPTION, "You have no active subscription to cancel"));
        String subscriptionId = current.providerSubscriptionId();
        if (current.provider() == null || subscriptionId == null) {
            throw new IllegalStateException("a live subscription without its provider's id: " + current);
        }
        switch (current.provider()) {
            case STRIPE ->
                stripe.cancelAtPeriodEnd(subscriptionId, "cancel-" + userId.value() + "-" + ids.generateId());
            case LEMONSQUEEZY -> lemonSqueezy.cancel(subscriptionId);
            case MANUAL -> throw new IllegalStateException("a provider subscription billed by no provider: " + current);
        }
        commands.sendAndWait(new ScheduleCancellation(userId, clock.instant()));
        return SubscriptionAnswer.cancelingAtPeriodEnd(current);
    }
}
