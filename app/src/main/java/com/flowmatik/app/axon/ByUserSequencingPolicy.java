package com.flowmatik.app.axon;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.SubscriptionIds;
import com.flowmatik.api.usage.UsageAccountIds;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Keeps every event about one user in one sequence, whichever aggregate it came from (the user's
 * account, their usage account, …), so a projection never sees a plan change before the sign-up it
 * follows. Events without a {@code userId()} fall back to their aggregate.
 *
 * <p>The aggregates that belong to one user (their account, usage account and subscription) name
 * the user in their id, so their events are placed without reading the payload. That matters: a
 * pooled processor's coordinator asks this of every event for every segment, on its one thread,
 * and deserializing there (a {@code UsageRecorded} of a thousand items, for one) was measured at
 * nearly a third of the app's CPU under usage ingest, serialized behind that thread. The handlers'
 * threads read the payload instead.
 */
class ByUserSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private static final Map<Class<?>, Method> ACCESSORS = new ConcurrentHashMap<>();
    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private final SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();

    /** Aggregate type to the prefix before the user id in its aggregates' ids. */
    private static final Map<String, String> USER_AGGREGATES = Map.of(
            "UserAccount", "",
            "UsageAccount", UsageAccountIds.PREFIX,
            "Subscription", SubscriptionIds.PREFIX);

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getType() != null) {
            String prefix = USER_AGGREGATES.get(domain.getType());
            String aggregate = domain.getAggregateIdentifier();
            if (prefix != null && aggregate != null && aggregate.startsWith(prefix)) {
                return aggregate.substring(prefix.length());
            }
        }
        Method accessor = ACCESSORS.computeIfAbsent(event.getPayloadType(), ByUserSequencingPolicy::userIdAccessor);
        if (accessor != NONE) {
            try {
                Object userId = accessor.invoke(event.getPayload());
                if (userId != null) {
                    return userId.toString();
                }
            } catch (ReflectiveOperationException unreadable) {
                throw new IllegalStateException("Cannot read userId of " + event.getPayloadType(), unreadable);
            }
        }
        return perAggregate.getSequenceIdentifierFor(event);
    }

    private static Method userIdAccessor(Class<?> type) {
        try {
            Method accessor = type.getMethod("userId");
            return UserId.class.equals(accessor.getReturnType()) ? accessor : NONE;
        } catch (NoSuchMethodException absent) {
            return NONE;
        }
    }
}
