package com.flowmatik.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

/** A processor's handlers are asked about an event type once, and about every event of a type they take. */
class TypeFilteredInvokerTest {

    /** A projection of texts: it takes strings, and numbers only through a replay-shy handler. */
    static final class Texts {
        final List<String> seen = new ArrayList<>();

        @EventHandler
        void on(String text) {
            seen.add(text);
        }

        @DisallowReplay
        @EventHandler
        void on(Integer number) {
            seen.add("#" + number);
        }
    }

    /** Axon's own invoker of the handlers, counting what it is asked. */
    static final class Counting implements EventHandlerInvoker {
        final EventHandlerInvoker axon;
        int canHandle;
        int canHandleType;
        int supportsReset;

        Counting(Object handlers) {
            this.axon =
                    SimpleEventHandlerInvoker.builder().eventHandlers(handlers).build();
        }

        @Override
        public boolean canHandle(EventMessage<?> event, Segment segment) {
            canHandle++;
            return axon.canHandle(event, segment);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            canHandleType++;
            return axon.canHandleType(payloadType);
        }

        @Override
        public void handle(EventMessage<?> event, Segment segment) throws Exception {
            axon.handle(event, segment);
        }

        @Override
        public boolean supportsReset() {
            supportsReset++;
            return axon.supportsReset();
        }
    }

    private final Texts texts = new Texts();
    private final Counting counting = new Counting(texts);
    private final TypeFilteredInvoker invoker = new TypeFilteredInvoker(counting);

    @Test
    void anEventTypeNoHandlerTakesIsRefusedWithoutAskingTheHandlersAgain() {
        for (int i = 0; i < 5; i++) {
            assertThat(invoker.canHandle(event(3.5d), Segment.ROOT_SEGMENT)).isFalse();
        }

        assertThat(counting.canHandleType).isEqualTo(1);
        assertThat(counting.canHandle).isZero();
    }

    @Test
    void everyEventOfATypeTheHandlersTakeIsAskedAboutAndHandled() throws Exception {
        for (String text : List.of("a", "b")) {
            EventMessage<?> event = event(text);
            if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
        }
        EventMessage<?> number = event(7);
        assertThat(invoker.canHandle(number, Segment.ROOT_SEGMENT)).isTrue();
        invoker.handle(number, Segment.ROOT_SEGMENT);

        assertThat(texts.seen).containsExactly("a", "b", "#7");
        assertThat(counting.canHandle).isEqualTo(3);
    }

    @Test
    void aSegmentThatDoesNotOwnTheEventStillRefusesIt() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        EventMessage<?> event = event("a");

        boolean first = invoker.canHandle(event, halves[0]);
        boolean second = invoker.canHandle(event, halves[1]);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void whetherTheHandlersSupportAResetIsAxonsAnswerAskedOnce() {
        boolean axons = counting.axon.supportsReset();

        for (int i = 0; i < 3; i++) {
            assertThat(invoker.supportsReset()).isEqualTo(axons);
        }
        assertThat(counting.supportsReset).isEqualTo(1);
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
