package com.flowmatik.command;

import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Reads an aggregate's state from its own events, for a decision taken before a command can be sent
 * (which provider subscription to cancel). The write side asks its own truth: a read model may lag,
 * be replaying, or live in another process. The aggregate is loaded under its lock in a unit of work
 * that changes nothing.
 */
@Component
public class AggregateReader {

    private final TransactionManager transactions;

    AggregateReader(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /** What {@code reading} sees of the aggregate; empty when it does not exist or {@code reading} answers null. */
    public <A, R> Optional<R> read(Repository<A> repository, String aggregateId, Function<A, R> reading) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<Optional<R>> result = unitOfWork.executeWithResult(() -> {
            try {
                return Optional.ofNullable(repository.load(aggregateId).invoke(reading));
            } catch (AggregateNotFoundException none) {
                return Optional.<R>empty();
            }
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
