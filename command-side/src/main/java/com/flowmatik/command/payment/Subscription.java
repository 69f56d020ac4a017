package com.flowmatik.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.AbandonCheckout;
import com.flowmatik.api.payment.AttachPaymentMethod;
import com.flowmatik.api.payment.BeginCheckout;
import com.flowmatik.api.payment.CheckoutAbandoned;
import com.flowmatik.api.payment.CheckoutBegun;
import com.flowmatik.api.payment.DetachPaymentMethod;
import com.flowmatik.api.payment.ExpireSubscription;
import com.flowmatik.api.payment.Invoice;
import com.flowmatik.api.payment.InvoiceIssued;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.PaymentMethod;
import com.flowmatik.api.payment.PaymentMethodAttached;
import com.flowmatik.api.payment.PaymentMethodDetached;
import com.flowmatik.api.payment.PaymentOutcome;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.PaymentSucceeded;
import com.flowmatik.api.payment.ProviderSubscription;
import com.flowmatik.api.payment.RecordPayment;
import com.flowmatik.api.payment.ScheduleCancellation;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionCancellationScheduled;
import com.flowmatik.api.payment.SubscriptionIds;
import com.flowmatik.api.payment.SubscriptionPastDue;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionReactivated;
import com.flowmatik.api.payment.SubscriptionRenewed;
import com.flowmatik.api.payment.SubscriptionResumed;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.payment.SubscriptionStateConfirmed;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.payment.SyncSubscription;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.AggregateCache;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's billing account: their one current subscription, the invoices issued to them and the
 * payment methods on file. The providers' webhooks drive it; they arrive late, twice or out of
 * order, so every command compares what it reports with what is known and changes only what
 * differs. The instant of the latest report applied is kept: an older report is stale. A user has
 * at most one checkout pending at a provider, so that two attempts at once cannot both be paid.
 */
@Aggregate(cache = AggregateCache.SUBSCRIPTIONS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Subscription {

    /**
     * How long a checkout stays pending, and open at the provider. Stripe's shortest session lives 30
     * minutes from its creation by Stripe's clock; the extra minute covers the customer call before
     * it and the clocks' difference, so the session never outlives the pending checkout.
     */
    public static final Duration CHECKOUT_LIFETIME = Duration.ofMinutes(31);

    @AggregateIdentifier
    private String id;

    private UserId userId;
    private PaymentProvider provider;
    private String providerSubscriptionId;
    private Plan plan;
    private SubscriptionStatus status;
    private Instant currentPeriodEnd;
    private boolean cancelAtPeriodEnd;
    private Instant lastReportAt;
    private Set<String> invoicesIssued = new HashSet<>();
    private Set<String> invoicesPaid = new HashSet<>();
    private Map<String, PaymentMethod> paymentMethods = new HashMap<>();
    private String pendingAttempt;
    private Instant pendingUntil;

    protected Subscription() {
        // for Axon
    }

    /** Answers when the checkout expires: the provider is told, so that it ends with the pending one. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Instant handle(BeginCheckout command) {
        if (isLive()) {
            throw new BusinessRuleViolation(
                    ErrorCode.SUBSCRIPTION_ACTIVE, "You already have an active subscription; cancel it first");
        }
        if (isCheckoutPending(command.at())) {
            throw new BusinessRuleViolation(
                    ErrorCode.CHECKOUT_PENDING,
                    "You have a checkout open until " + pendingUntil + "; finish or leave it first");
        }
        Instant expiresAt = command.at().plus(CHECKOUT_LIFETIME);
        apply(new CheckoutBegun(
                command.userId(), command.provider(), command.plan(), command.attemptId(), command.at(), expiresAt));
        return expiresAt;
    }

    @CommandHandler
    boolean handle(AbandonCheckout command) {
        if (!command.attemptId().equals(pendingAttempt)) {
            return false; // a later attempt, or this one already ended: nothing of ours to release
        }
        apply(new CheckoutAbandoned(userId, command.attemptId(), command.reason(), command.at()));
        return true;
    }

    private boolean isCheckoutPending(Instant at) {
        return pendingAttempt != null && at.isBefore(pendingUntil);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(SyncSubscription command) {
        ProviderSubscription report = command.observed();
        if (report.plan() == null || report.status() == null || report.price() == null) {
            throw BusinessRuleViolation.invalidField(
                    "observed", "a subscription report names a plan, its price and a status");
        }
        if (isStale(command.observedAt(), command.creation())) {
            return false;
        }
        if (!isLive()) {
            return start(command.userId(), report, command.observedAt());
        }
        if (!report.subscriptionId().equals(providerSubscriptionId)) {
            return false; // another subscription of the user's while this one lives: not ours to follow
        }
        return follow(report, command.observedAt());
    }

    private boolean isStale(Instant observedAt, boolean creation) {
        if (lastReportAt == null) {
            return false;
        }
        return observedAt.isBefore(lastReportAt) || (creation && observedAt.equals(lastReportAt));
    }

    private boolean start(UserId user, ProviderSubscription report, Instant at) {
        if (report.status() == SubscriptionStatus.CANCELED) {
            apply(new SubscriptionStateConfirmed(user, at)); // an end reported before its start
            return false;
        }
        apply(new SubscriptionStarted(
                user,
                report.provider(),
                report.subscriptionId(),
                report.customerId(),
                report.plan(),
                report.price(),
                report.status(),
                report.currentPeriodEnd(),
                report.cancelAtPeriodEnd(),
                at));
        return true;
    }

    private boolean follow(ProviderSubscription report, Instant at) {
        if (report.status() == SubscriptionStatus.CANCELED) {
            apply(new SubscriptionCanceled(userId, plan, "canceled at " + provider.wireName(), at));
            return true;
        }
        boolean changed = false;
        if (report.plan() != plan) {
            apply(new SubscriptionPlanChanged(userId, plan, report.plan(), report.price(), at));
            changed = true;
        }
        if (report.currentPeriodEnd() != null
                && (currentPeriodEnd == null || report.currentPeriodEnd().isAfter(currentPeriodEnd))) {
            apply(new SubscriptionRenewed(userId, currentPeriodEnd, report.currentPeriodEnd(), at));
            changed = true;
        }
        if (report.cancelAtPeriodEnd() && !cancelAtPeriodEnd) {
            Instant endsAt = report.currentPeriodEnd() != null ? report.currentPeriodEnd() : currentPeriodEnd;
            apply(new SubscriptionCancellationScheduled(userId, endsAt, at));
            changed = true;
        } else if (!report.cancelAtPeriodEnd() && cancelAtPeriodEnd) {
            apply(new SubscriptionResumed(userId, at));
            changed = true;
        }
        if (report.status() == SubscriptionStatus.PAST_DUE && status == SubscriptionStatus.ACTIVE) {
            apply(new SubscriptionPastDue(userId, at));
            changed = true;
        } else if (report.status() == SubscriptionStatus.ACTIVE && status == SubscriptionStatus.PAST_DUE) {
            apply(new SubscriptionReactivated(userId, at));
            changed = true;
        }
        if (!changed && at.isAfter(lastReportAt)) {
            apply(new SubscriptionStateConfirmed(userId, at));
        }
        return changed;
    }

    /** The provider accepted the user's cancellation; its webhook confirming it may come later. */
    @CommandHandler
    boolean handle(ScheduleCancellation command) {
        if (!isLive() || cancelAtPeriodEnd) {
            return false;
        }
        apply(new SubscriptionCancellationScheduled(userId, currentPeriodEnd, command.requestedAt()));
        return true;
    }

    @CommandHandler
    boolean handle(ExpireSubscription command) {
        if (!isLive() || !cancelAtPeriodEnd || !command.periodEnd().equals(currentPeriodEnd)) {
            return false;
        }
        apply(new SubscriptionCanceled(userId, plan, "period ended", command.expiredAt()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(RecordPayment command) {
        Invoice invoice = command.invoice();
        String key = invoiceKey(invoice.provider(), invoice.invoiceId());
        if (invoicesPaid.contains(key)) {
            return false; // paid is final: a late failure report of an earlier attempt changes nothing
        }
        if (!invoicesIssued.contains(key)) {
            apply(new InvoiceIssued(
                    command.userId(),
                    invoice.provider(),
                    invoice.invoiceId(),
                    invoice.number(),
                    invoice.subscriptionId(),
                    invoice.total(),
                    invoice.lines(),
                    invoice.issuedAt()));
        }
        if (command.outcome() == PaymentOutcome.SUCCEEDED) {
            apply(new PaymentSucceeded(
                    command.userId(), invoice.provider(), invoice.invoiceId(), invoice.total(), command.at()));
        } else {
            apply(new PaymentFailed(
                    command.userId(),
                    invoice.provider(),
                    invoice.invoiceId(),
                    invoice.total(),
                    Objects.requireNonNullElse(command.failureReason(), "payment failed"),
                    command.at()));
        }
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(AttachPaymentMethod command) {
        PaymentMethod method = command.method();
        if (method.equals(paymentMethods.get(methodKey(method.provider(), method.paymentMethodId())))) {
            return false;
        }
        apply(new PaymentMethodAttached(
                command.userId(),
                method.provider(),
                method.paymentMethodId(),
                method.brand(),
                method.last4(),
                method.expMonth(),
                method.expYear(),
                command.attachedAt()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(DetachPaymentMethod command) {
        if (!paymentMethods.containsKey(methodKey(command.provider(), command.paymentMethodId()))) {
            return false;
        }
        apply(new PaymentMethodDetached(
                command.userId(), command.provider(), command.paymentMethodId(), command.detachedAt()));
        return true;
    }

    /** The subscription while it is live, {@code null} otherwise; read through {@link Subscriptions}. */
    LiveSubscription live() {
        if (!isLive()) {
            return null;
        }
        return new LiveSubscription(
                provider, providerSubscriptionId, plan, status, currentPeriodEnd, cancelAtPeriodEnd);
    }

    private boolean isLive() {
        return status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE;
    }

    private static String invoiceKey(PaymentProvider provider, String invoiceId) {
        return provider.wireName() + ":" + invoiceId;
    }

    private static String methodKey(PaymentProvider provider, String paymentMethodId) {
        return provider.wireName() + ":" + paymentMethodId;
    }

    private void identify(UserId user) {
        if (id == null) {
            id = SubscriptionIds.of(user);
            userId = user;
        }
    }

    private void reported(Instant at) {
        if (lastReportAt == null || at.isAfter(lastReportAt)) {
            lastReportAt = at;
        }
    }

    @EventSourcingHandler
    void on(SubscriptionStarted event) {
        identify(event.userId());
        provider = event.provider();
        providerSubscriptionId = event.providerSubscriptionId();
        plan = event.plan();
        status = event.status();
        currentPeriodEnd = event.currentPeriodEnd();
        cancelAtPeriodEnd = event.cancelAtPeriodEnd();
        pendingAttempt = null;
        pendingUntil = null;
        reported(event.startedAt());
    }

    @EventSourcingHandler
    void on(CheckoutBegun event) {
        identify(event.userId());
        pendingAttempt = event.attemptId();
        pendingUntil = event.expiresAt();
    }

    @EventSourcingHandler
    void on(CheckoutAbandoned event) {
        pendingAttempt = null;
        pendingUntil = null;
    }

    @EventSourcingHandler
    void on(SubscriptionPlanChanged event) {
        plan = event.plan();
        reported(event.changedAt());
    }

    @EventSourcingHandler
    void on(SubscriptionRenewed event) {
        currentPeriodEnd = event.currentPeriodEnd();
        reported(event.renewedAt());
    }

    @EventSourcingHandler
    void on(SubscriptionCancellationScheduled event) {
        cancelAtPeriodEnd = true;
        if (event.endsAt() != null) {
            currentPeriodEnd = event.endsAt();
        }
        reported(event.scheduledAt());
    }

    @EventSourcingHandler
    void on(SubscriptionResumed event) {
        cancelAtPeriodEnd = false;
        reported(event.resumedAt());
    }

    @EventSourcingHandler
    void on(SubscriptionPastDue event) {
        status = SubscriptionStatus.PAST_DUE;
        reported(event.since());
    }

    @EventSourcingHandler
    void on(SubscriptionReactivated event) {
        status = SubscriptionStatus.ACTIVE;
        reported(event.reactivatedAt());
    }

    @EventSourcingHandler
    void on(SubscriptionCanceled event) {
        status = SubscriptionStatus.CANCELED;
        cancelAtPeriodEnd = false;
        reported(event.canceledAt());
    }

    @EventSourcingHandler
    void on(SubscriptionStateConfirmed event) {
        identify(event.userId());
        reported(event.observedAt());
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        identify(event.userId());
        invoicesIssued.add(invoiceKey(event.provider(), event.invoiceId()));
    }

    @EventSourcingHandler
    void on(PaymentSucceeded event) {
        invoicesPaid.add(invoiceKey(event.provider(), event.invoiceId()));
    }

    @EventSourcingHandler
    void on(PaymentMethodAttached event) {
        identify(event.userId());
        paymentMethods.put(
                methodKey(event.provider(), event.paymentMethodId()),
                new PaymentMethod(
                        event.provider(),
                        event.paymentMethodId(),
                        event.brand(),
                        event.last4(),
                        event.expMonth(),
                        event.expYear()));
    }

    @EventSourcingHandler
    void on(PaymentMethodDetached event) {
        paymentMethods.remove(methodKey(event.provider(), event.paymentMethodId()));
    }
}
