package com.flowmatik.command.refusal;

import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.refusal.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Wraps a {@link BusinessRuleViolation} into a {@link CommandExecutionException} whose details are
 * the {@link Refusal} (its code, and the field of invalid input), so a refusal keeps its meaning when the command ran on another node. A
 * command for an aggregate that does not exist is a {@code NOT_FOUND} refusal.
 */
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (BusinessRuleViolation refusal) {
            throw new CommandExecutionException(refusal.getMessage(), refusal, refusal.refusal());
        } catch (AggregateNotFoundException unknown) {
            throw new CommandExecutionException(
                    "No such " + unknown.getAggregateIdentifier(), unknown, new Refusal(ErrorCode.NOT_FOUND, null));
        }
    }
}
