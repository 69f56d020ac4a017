package com.flowmatik.command;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.ApplicationContext;

/**
 * The commands whose aggregate is created when it is missing ({@code CREATE_IF_MISSING}). Two of
 * them racing to create the same aggregate (one user's first AI requests on two instances) make the
 * loser's append fail as a "creation" conflict, yet run again it finds the aggregate and succeeds:
 * for these commands that conflict is a race to retry. For any other command it means the aggregate
 * exists already (a webhook delivered twice) and must not be retried.
 */
public final class CreationRaces {

    private final Set<Class<?>> createIfMissing;

    CreationRaces(ApplicationContext context) {
        Set<Class<?>> commands = new HashSet<>();
        for (String name : context.getBeanNamesForAnnotation(Aggregate.class)) {
            Class<?> aggregate = context.getType(name);
            for (Method method : aggregate == null ? new Method[0] : aggregate.getDeclaredMethods()) {
                CreationPolicy policy = method.getAnnotation(CreationPolicy.class);
                if (policy != null
                        && policy.value() == AggregateCreationPolicy.CREATE_IF_MISSING
                        && method.getParameterCount() > 0) {
                    commands.add(method.getParameterTypes()[0]);
                }
            }
        }
        this.createIfMissing = Set.copyOf(commands);
    }

    public boolean canRace(Class<?> commandType) {
        return createIfMissing.contains(commandType);
    }
}
