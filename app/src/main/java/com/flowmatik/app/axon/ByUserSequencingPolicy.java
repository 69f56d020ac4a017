package com.flowmatik.app.axon;

import com.flowmatik.api.identity.UserId;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Keeps every event about one user in one sequence, whichever aggregate it came from (the user's
 * account, their usage account, …), so a projection never sees a plan change before the sign-up it
 * follows. Events without a {@code userId()} fall back to their aggregate.
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

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
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
