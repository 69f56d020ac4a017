package com.flowmatik.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;

class AdmittedCommandsTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(12);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void noMoreCommandsAreHandledAtOnceThanTheBoundAndEveryOneIsHandled() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AdmittedCommands commands = new AdmittedCommands(
                new Handling(command -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    sleep(5);
                    inside.decrementAndGet();
                    return command;
                }),
                3,
                Duration.ofSeconds(10));

        List<Future<Object>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String command = "command-" + i;
            answers.add(callers.submit(() -> commands.sendAndWait(command)));
        }
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("command-" + i);
        }

        assertThat(most.get()).isBetween(2, 3);
        assertThat(commands.available()).isEqualTo(3);
    }

    @Test
    void aCommandDispatchedWhileAnotherIsHandledNeedsNoSecondTurn() {
        AdmittedCommands[] commands = new AdmittedCommands[1];
        commands[0] = new AdmittedCommands(
                new Handling(
                        command -> "outer".equals(command) ? "outer+" + commands[0].sendAndWait("inner") : command),
                1,
                Duration.ofMillis(200));

        assertThat((Object) commands[0].sendAndWait("outer")).isEqualTo("outer+inner");
        assertThat(commands[0].available()).isEqualTo(1);
    }

    @Test
    void aCommandWithoutATurnInTimeIsRefusedAsBusyAndTheTurnsStayWhole() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AdmittedCommands commands = new AdmittedCommands(
                new Handling(command -> {
                    if ("slow".equals(command)) {
                        entered.countDown();
                        await(release);
                    }
                    return command;
                }),
                1,
                Duration.ofMillis(100));
        Future<Object> slow = callers.submit(() -> commands.sendAndWait("slow"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> commands.sendAndWait("waiting"))
                .isInstanceOf(TransientDataAccessResourceException.class)
                .hasMessageContaining("no turn to handle a command within 100 ms");

        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
        assertThat((Object) commands.sendAndWait("next")).isEqualTo("next");
        assertThat(commands.available()).isEqualTo(1);
    }

    @Test
    void aFailingCommandGivesItsTurnBack() {
        AdmittedCommands commands = new AdmittedCommands(
                new Handling(command -> {
                    throw new IllegalStateException("refused: " + command);
                }),
                1,
                Duration.ofMillis(100));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> commands.sendAndWait("bad")).hasMessage("refused: bad");
        }
        assertThat(commands.available()).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A gateway whose commands are handled on the dispatching thread, as Axon's local command bus does. */
    private record Handling(Function<Object, Object> handler) implements CommandGateway {

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAndWait(Object command) {
            return (R) handler.apply(command);
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            return CompletableFuture.completedFuture(sendAndWait(command));
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            return () -> true;
        }
    }
}
