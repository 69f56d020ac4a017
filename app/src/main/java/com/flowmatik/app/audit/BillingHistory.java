package com.flowmatik.app.audit;

import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.ApiKeyRevoked;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.InvoiceIssued;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.PaymentMethodAttached;
import com.flowmatik.api.payment.PaymentMethodDetached;
import com.flowmatik.api.payment.PaymentSucceeded;
import com.flowmatik.api.payment.SubscriptionIds;
import com.flowmatik.api.usage.AiRequestCompleted;
import com.flowmatik.api.usage.AiRequestFailed;
import com.flowmatik.api.usage.AiRequestNotServed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.DailyLimitsChanged;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.api.usage.UsageAccountIds;
import com.flowmatik.api.usage.UsageRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads a user's billing history from the event store: the whole stream of their usage account
 * ({@code usage:<id>}) and of their subscription ({@code subscription:<id>}, which also holds
 * invoices, payments and payment methods), from sequence 0 so that snapshots never stand in for
 * events, the API keys made and revoked on the user's account (a key spends as the user), and the outcomes of the webhook deliveries that name them. Events recorded after
 * {@code asOf} are left out; the totals are the sums of the events listed.
 */
@Component
class BillingHistory {

    /** The billing facts: the subscription's own events by package, the usage account's by type. */
    private static final Set<Class<?>> USAGE = Set.of(
            AiRequestStarted.class,
            AiRequestCompleted.class,
            AiRequestFailed.class,
            AiRequestNotServed.class,
            TokensCharged.class,
            DailyQuotaExceeded.class,
            DailyLimitsChanged.class,
            UsageRecorded.class);

    private static final Set<Class<?>> PAYMENTS = Set.of(
            InvoiceIssued.class,
            PaymentSucceeded.class,
            PaymentFailed.class,
            PaymentMethodAttached.class,
            PaymentMethodDetached.class);

    /** The account's events that decide who may spend on it: the API keys made and revoked. */
    private static final Set<Class<?>> ACCESS = Set.of(ApiKeyCreated.class, ApiKeyRevoked.class);

    private final EventStore events;
    private final WebhookOutcomes webhooks;

    BillingHistory(EventStore events, WebhookOutcomes webhooks) {
        this.events = events;
        this.webhooks = webhooks;
    }

    boolean knows(UserId user) {
        return events.lastSequenceNumberFor(user.value()).isPresent();
    }

    BillingHistoryView of(UserId user, Instant asOf) {
        List<DomainEventMessage<?>> found = new ArrayList<>();
        read(UsageAccountIds.of(user), event -> USAGE.contains(event.getPayloadType()), found);
        read(
                SubscriptionIds.of(user),
                event -> PAYMENTS.contains(event.getPayloadType())
                        || event.getPayloadType().getSimpleName().startsWith("Subscription"),
                found);
        read(user.value(), event -> ACCESS.contains(event.getPayloadType()), found);
        for (String delivery : webhooks.deliveriesOf(user)) {
            read(delivery, event -> user.equals(WebhookOutcomes.userOf(event.getPayload())), found);
        }
        List<DomainEventMessage<?>> upToAsOf = found.stream()
                .filter(event -> !event.getTimestamp().isAfter(asOf))
                .sorted(Comparator.<DomainEventMessage<?>, Instant>comparing(DomainEventMessage::getTimestamp)
                        .thenComparing(DomainEventMessage::getAggregateIdentifier)
                        .thenComparingLong(DomainEventMessage::getSequenceNumber))
                .toList();
        Totals totals = new Totals();
        List<BillingEvent> listed = new ArrayList<>();
        for (DomainEventMessage<?> event : upToAsOf) {
            totals.add(event.getPayload());
            listed.add(new BillingEvent(
                    event.getTimestamp(),
                    event.getPayloadType().getSimpleName(),
                    event.getAggregateIdentifier(),
                    event.getSequenceNumber(),
                    event.getPayload()));
        }
        return new BillingHistoryView(user.value(), asOf, listed, totals.result());
    }

    private void read(String aggregateId, Predicate<DomainEventMessage<?>> billing, List<DomainEventMessage<?>> into) {
        events.readEvents(aggregateId, 0).asStream().filter(billing).forEach(into::add);
    }
}
