package com.flowmatik.app.live;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionCancellationScheduled;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Tells a user what happened to their subscription ({@code subscription} notifications). */
@Component
@ProcessingGroup(LiveProcessing.GROUP)
class SubscriptionNotices {

    private final UserNotices notices;

    SubscriptionNotices(UserNotices notices) {
        this.notices = notices;
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionStarted event) {
        tell(
                event.userId(),
                "started",
                "Your " + name(event.plan()) + " subscription has started",
                "Thank you! Your " + name(event.plan()) + " plan and its limits apply now.",
                facts(
                        "plan",
                        event.plan().wireName(),
                        "provider",
                        event.provider().wireName()),
                event.startedAt());
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionPlanChanged event) {
        tell(
                event.userId(),
                "plan-changed",
                "Your plan is now " + name(event.plan()),
                "You moved from " + name(event.previousPlan()) + " to " + name(event.plan())
                        + "; its limits apply now.",
                facts(
                        "previousPlan",
                        event.previousPlan().wireName(),
                        "plan",
                        event.plan().wireName()),
                event.changedAt());
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionCancellationScheduled event) {
        tell(
                event.userId(),
                "cancellation-scheduled",
                "Your subscription will end",
                "Your subscription ends on " + LocalDate.ofInstant(event.endsAt(), ZoneOffset.UTC)
                        + " (UTC); until then your plan stays as it is.",
                facts("endsAt", event.endsAt()),
                event.scheduledAt());
    }

    @EventHandler
    @DisallowReplay
    void on(SubscriptionCanceled event) {
        tell(
                event.userId(),
                "canceled",
                "Your " + name(event.plan()) + " subscription has ended",
                "You are on the Free plan now, with its daily limits.",
                facts("plan", event.plan().wireName(), "reason", event.reason()),
                event.canceledAt());
    }

    @EventHandler
    @DisallowReplay
    void on(PaymentFailed event) {
        Money amount = event.amount();
        tell(
                event.userId(),
                "payment-failed",
                "A payment failed",
                "We could not collect " + (amount == null ? "your payment" : amount(amount)) + " through "
                        + event.provider().wireName() + "; it will be tried again. Please check your payment method.",
                facts(
                        "provider",
                        event.provider().wireName(),
                        "invoiceId",
                        event.invoiceId(),
                        "amount",
                        amount == null ? null : amount.amount(),
                        "currency",
                        amount == null ? null : amount.currency()),
                event.failedAt());
    }

    private void tell(
            UserId userId, String change, String title, String message, Map<String, Object> facts, Instant at) {
        if (!notices.isListening(userId)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change", change);
        data.putAll(facts);
        notices.send(userId, Notification.of(Notification.SUBSCRIPTION, title, message, data, at));
    }

    /** Key, value, key, value…; absent values are left out. */
    private static Map<String, Object> facts(Object... keysAndValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                facts.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return facts;
    }

    private static String name(Plan plan) {
        String wire = plan.wireName();
        return wire.substring(0, 1).toUpperCase(Locale.ROOT) + wire.substring(1);
    }

    private static String amount(Money money) {
        return String.format(
                Locale.ROOT,
                "%d.%02d %s",
                money.amount() / 100,
                Math.abs(money.amount() % 100),
                money.currency().toUpperCase(Locale.ROOT));
    }
}
