package com.flowmatik.app.axon;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A command gateway that lets a bounded number of commands be handled at once; the others wait
 * their turn, first come first served. A command's transaction takes its database connection
 * before it waits for its aggregate, so without a bound a burst of requests (a thousand virtual
 * threads whose slow provider answered together) would hold every connection of the pool waiting
 * for each other's aggregates, and the rest would give up on the pool after its timeout (503),
 * while {@code /health} and the processors found no connection either. Waiting here holds nothing.
 *
 * <p>A thread that already holds a turn (a command dispatched while another is handled) goes on
 * without a second one, so a turn is never waited for by its own holder. A command that does not
 * get its turn within the wait is answered 503 like a database that did not answer in time.
 */
final class AdmittedCommands implements CommandGateway {

    private static final ThreadLocal<Boolean> HOLDS_A_TURN = new ThreadLocal<>();

    private final CommandGateway delegate;
    private final Semaphore turns;
    private final Duration wait;

    AdmittedCommands(CommandGateway delegate, int concurrency, Duration wait) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("commands handled at once must be at least 1, not " + concurrency);
        }
        this.delegate = delegate;
        this.turns = new Semaphore(concurrency, true);
        this.wait = wait;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        inTurn(() -> {
            delegate.send(command, callback);
            return null;
        });
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return inTurn(() -> delegate.sendAndWait(command));
    }

    @Override
    public <R> R sendAndWait(Object command, MetaData metaData) {
        return inTurn(() -> delegate.sendAndWait(command, metaData));
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return inTurn(() -> delegate.sendAndWait(command, timeout, unit));
    }

    @Override
    public <R> R sendAndWait(Object command, MetaData metaData, long timeout, TimeUnit unit) {
        return inTurn(() -> delegate.sendAndWait(command, metaData, timeout, unit));
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        return inTurn(() -> delegate.send(command));
    }

    @Override
    public <R> CompletableFuture<R> send(Object command, MetaData metaData) {
        return inTurn(() -> delegate.send(command, metaData));
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    /** Turns free now: for tests and metrics. */
    int available() {
        return turns.availablePermits();
    }

    /**
     * Runs the dispatch in a turn. The local command bus handles a command on the dispatching
     * thread, so the turn ends when the dispatch returns; with a distributed bus the handling is
     * elsewhere and the turn only bounds the dispatches.
     */
    private <T> T inTurn(Supplier<T> dispatch) {
        if (HOLDS_A_TURN.get() != null) {
            return dispatch.get();
        }
        acquire();
        HOLDS_A_TURN.set(Boolean.TRUE);
        try {
            return dispatch.get();
        } finally {
            HOLDS_A_TURN.remove();
            turns.release();
        }
    }

    private void acquire() {
        try {
            if (!turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TransientDataAccessResourceException(
                        "no turn to handle a command within " + wait.toMillis() + " ms: the platform is busy");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransientDataAccessResourceException("interrupted while waiting to handle a command");
        }
    }
}
