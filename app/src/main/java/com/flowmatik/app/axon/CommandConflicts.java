package com.flowmatik.app.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command that lost a race: another writer (an instance on the same database, or a cached
 * aggregate that had fallen behind) appended to its aggregate first, or the database chose it as
 * a deadlock's victim. The command runs again against the stored events and decides anew, so
 * several instances give exactly the outcome one would. Nothing else is retried: a refusal or a bad
 * command fails at once. Attempts are bounded, with a short random back-off so that two losers do
 * not collide again; each conflict and each exhausted command is counted
 * ({@code flowmatik.commands.conflicts}, {@code flowmatik.commands.conflicts.exhausted}).
 */
final class CommandConflicts implements RetryScheduler {

    static final int MAX_RETRIES = 12;

    private final ScheduledExecutorService executor;
    private final Counter conflicts;
    private final Counter exhausted;
    private final Predicate<Class<?>> createsIfMissing;

    CommandConflicts(ScheduledExecutorService executor, MeterRegistry meters, Predicate<Class<?>> createsIfMissing) {
        this.executor = executor;
        this.createsIfMissing = createsIfMissing;
        this.conflicts = Counter.builder("flowmatik.commands.conflicts")
                .description("commands retried after a concurrent write to their aggregate")
                .register(meters);
        this.exhausted = Counter.builder("flowmatik.commands.conflicts.exhausted")
                .description("commands that still conflicted after every retry")
                .register(meters);
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable commandDispatch) {
        if (!isConflict(lastFailure)
                && !(isCreationRace(lastFailure) && createsIfMissing.test(commandMessage.getPayloadType()))) {
            return false;
        }
        if (failures.size() > MAX_RETRIES) {
            exhausted.increment();
            return false;
        }
        conflicts.increment();
        executor.schedule(commandDispatch, backOffMillis(failures.size()), TimeUnit.MILLISECONDS);
        return true;
    }

    /** 1–4 ms for the first retry, growing to at most about 100 ms. */
    static long backOffMillis(int attempt) {
        long ceiling = Math.min(100, 4L << Math.min(attempt - 1, 5));
        return 1 + ThreadLocalRandom.current().nextLong(ceiling);
    }

    /** Two writers created the same aggregate; for a create-if-missing command the loser finds it on a retry. */
    static boolean isCreationRace(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
