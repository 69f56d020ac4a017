package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.AbandonCheckout;
import com.flowmatik.api.payment.BeginCheckout;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.command.identity.Accounts;
import com.flowmatik.command.payment.plans.PlanCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Starts a paid plan at a provider: refuses a plan that is not a paid one (400), a provider that is
 * not configured (503), a plan it does not sell (400), then whatever the {@code Subscription}
 * aggregate refuses to begin (409: a plan still paid for, another checkout still pending), in that
 * order, and only then has the provider open a checkout with the user id in its metadata. The
 * aggregate records the attempt before the provider is asked, so that two attempts at once reach
 * no provider twice. The subscription itself starts with the provider's webhook, once the user has
 * paid.
 */
@Component
class Subscribing {

    private static final Logger log = LoggerFactory.getLogger(Subscribing.class);

    private final PlanCatalogue catalogue;
    private final PaymentCustomers customers;
    private final StripeGateway stripe;
    private final LemonSqueezyGateway lemonSqueezy;
    private final Accounts accounts;
    private final CommandGateway commands;
    private final Clock clock;
    private final IdGenerator ids;

    Subscribing(
            PlanCatalogue catalogue,
            PaymentCustomers customers,
            StripeGateway stripe,
            LemonSqueezyGateway lemonSqueezy,
            Accounts accounts,
            CommandGateway commands,
            Clock clock,
            IdGenerator ids) {
        this.catalogue = catalogue;
        this.customers = customers;
        this.stripe = stripe;
        this.lemonSqueezy = lemonSqueezy;
        this.accounts = accounts;
        this.commands = commands;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * A Stripe Checkout Session, or with a payment method an incomplete subscription whose first
     * payment the client confirms. The user's Stripe customer is made on their first attempt and
     * kept. Each call of one attempt has its own idempotency key, and no two attempts share one.
     */
    StartedCheckout withStripe(UserId userId, String planName, String paymentMethodId) {
        Plan plan = paidPlan(planName);
        stripe.requireConfigured();
        String price = sellable(PaymentProvider.STRIPE, plan);
        Attempt attempt = begin(userId, PaymentProvider.STRIPE, plan);
        return open(attempt, () -> {
            Payer payer = payer(userId);
            String keys = "subscribe-" + userId.value() + "-" + attempt.id();
            String customer = customers
                    .customerOf(PaymentProvider.STRIPE, userId)
                    .orElseGet(() -> customers.remember(
                            PaymentProvider.STRIPE, stripe.createCustomer(payer, keys + "-customer"), userId));
            if (paymentMethodId == null || paymentMethodId.isBlank()) {
                return stripe.startCheckout(customer, price, payer, attempt.expiresAt(), keys + "-checkout");
            }
            return stripe.subscribe(customer, price, paymentMethodId.trim(), payer, keys);
        });
    }

    /** A LemonSqueezy checkout of the plan's variant; LemonSqueezy makes the customer when the user pays. */
    StartedCheckout withLemonSqueezy(UserId userId, String planName) {
        Plan plan = paidPlan(planName);
        lemonSqueezy.requireConfigured();
        String variant = sellable(PaymentProvider.LEMONSQUEEZY, plan);
        Attempt attempt = begin(userId, PaymentProvider.LEMONSQUEEZY, plan);
        return open(attempt, () -> lemonSqueezy.startCheckout(variant, payer(userId), attempt.expiresAt()));
    }

    /** A plan that can be paid for, whatever the provider: a mistyped plan is the caller's to fix first. */
    private static Plan paidPlan(String planName) {
        Plan plan;
        try {
            plan = Plan.fromWireName(planName.trim());
        } catch (IllegalArgumentException unknown) {
            throw invalidPlan("must be starter, pro or business");
        }
        if (plan == Plan.FREE) {
            throw invalidPlan("the free plan needs no subscription");
        }
        return plan;
    }

    /** The provider's price or variant of a paid plan it sells. */
    private String sellable(PaymentProvider provider, Plan plan) {
        return catalogue
                .providerPlanId(provider, plan)
                .orElseThrow(() -> invalidPlan(plan.wireName() + " is not sold through " + provider.wireName()));
    }

    /** The user's one pending checkout, held by the aggregate (or its refusal, 409) before any provider is asked. */
    private Attempt begin(UserId userId, PaymentProvider provider, Plan plan) {
        String id = ids.generateId().toString();
        Instant expiresAt = commands.sendAndWait(new BeginCheckout(userId, provider, plan, id, clock.instant()));
        return new Attempt(userId, id, expiresAt);
    }

    /**
     * Has the provider open the attempt's checkout. A provider that refused or could not be reached
     * opened none, and neither did a failure on this side before it was asked: the attempt is
     * abandoned so that the user may try again at once. One that did not answer in time, or answered
     * what could not be read, may have opened it: the attempt stays pending until it expires, as
     * that checkout does, so that it cannot be paid beside a second one.
     */
    private StartedCheckout open(Attempt attempt, Supplier<StartedCheckout> opening) {
        try {
            return opening.get();
        } catch (RuntimeException failure) {
            if (!(failure instanceof PaymentProviderFailed unanswered && unanswered.status() == 0)) {
                abandon(attempt, failure);
            }
            throw failure;
        }
    }

    private void abandon(Attempt attempt, RuntimeException failure) {
        String reason = failure instanceof PaymentProviderException provider
                ? provider.getMessage()
                : "the checkout could not be opened";
        try {
            commands.sendAndWait(new AbandonCheckout(attempt.userId(), attempt.id(), reason, clock.instant()));
        } catch (RuntimeException notAbandoned) {
            log.warn(
                    "Checkout {} of user {} could not be abandoned and stays pending until {}: {}",
                    attempt.id(),
                    attempt.userId().value(),
                    attempt.expiresAt(),
                    notAbandoned.toString());
            failure.addSuppressed(notAbandoned);
        }
    }

    /** E-mail and name for the provider's records, from the user's account. */
    private Payer payer(UserId userId) {
        return accounts.contact(userId)
                .map(contact -> new Payer(userId, contact.email(), contact.name()))
                .orElseGet(() -> new Payer(userId, null, null));
    }

    private static BusinessRuleViolation invalidPlan(String reason) {
        return BusinessRuleViolation.invalidField("plan", reason);
    }

    /** A checkout the aggregate holds for the user until it expires, unless it is abandoned or paid. */
    private record Attempt(UserId userId, String id, Instant expiresAt) {}
}
