package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.identity.Accounts;
import com.flowmatik.command.payment.Subscriptions;
import com.flowmatik.command.payment.plans.PlanCatalogue;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Starts a paid plan at a provider: refuses a plan that is not a paid one (400), a provider that is
 * not configured (503), a plan it does not sell (400) and a user who already pays for a plan (409),
 * in that order, then has the provider open a
 * checkout with the user id in its metadata. The subscription itself starts with the provider's
 * webhook, once the user has paid. "Already pays" is the {@code Subscription} aggregate's answer, not
 * a read model's.
 */
@Component
class Subscribing {

    private final PlanCatalogue catalogue;
    private final Subscriptions subscriptions;
    private final PaymentCustomers customers;
    private final StripeGateway stripe;
    private final LemonSqueezyGateway lemonSqueezy;
    private final Accounts accounts;
    private final IdGenerator ids;

    Subscribing(
            PlanCatalogue catalogue,
            Subscriptions subscriptions,
            PaymentCustomers customers,
            StripeGateway stripe,
            LemonSqueezyGateway lemonSqueezy,
            Accounts accounts,
            IdGenerator ids) {
        this.catalogue = catalogue;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.stripe = stripe;
        this.lemonSqueezy = lemonSqueezy;
        this.accounts = accounts;
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
        refuseIfAlreadySubscribed(userId);
        Payer payer = payer(userId);
        String attempt = "subscribe-" + userId.value() + "-" + ids.generateId();
        String customer = customers
                .customerOf(PaymentProvider.STRIPE, userId)
                .orElseGet(() -> customers.remember(
                        PaymentProvider.STRIPE, stripe.createCustomer(payer, attempt + "-customer"), userId));
        if (paymentMethodId == null || paymentMethodId.isBlank()) {
            return stripe.startCheckout(customer, price, payer, attempt + "-checkout");
        }
        return stripe.subscribe(customer, price, paymentMethodId.trim(), payer, attempt);
    }

    /** A LemonSqueezy checkout of the plan's variant; LemonSqueezy makes the customer when the user pays. */
    StartedCheckout withLemonSqueezy(UserId userId, String planName) {
        Plan plan = paidPlan(planName);
        lemonSqueezy.requireConfigured();
        String variant = sellable(PaymentProvider.LEMONSQUEEZY, plan);
        refuseIfAlreadySubscribed(userId);
        return lemonSqueezy.startCheckout(variant, payer(userId));
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

    private void refuseIfAlreadySubscribed(UserId userId) {
        if (subscriptions.liveOf(userId).isPresent()) {
            throw new BusinessRuleViolation(
                    ErrorCode.SUBSCRIPTION_ACTIVE, "You already have an active subscription; cancel it first");
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
}
