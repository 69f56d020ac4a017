package com.flowmatik.app.axon;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

/**
 * A processor's handlers, asked once per event type whether they take it at all.
 *
 * <p>Every processor reads every event: its coordinator asks the handlers of each segment whether
 * they take it, and the worker asks again before handling. Axon answers by walking all the handler
 * methods of all the processor's classes, and before that it works out whether any of them can be
 * reset, again per event. Under the chat benchmark those questions were 6 % of the app's samples,
 * most of them about events the processor ignores (an invoice projection looking at every chat).
 * A handler method takes an event only if its payload type fits the method's, so an event type that
 * no method fits is refused here from a per-type answer; every other event is asked as before, with
 * its segment and replay state. Whether the handlers support a reset does not change once they are
 * built, so it is asked once.
 */
final class TypeFilteredInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker handlers;
    private final ClassValue<Boolean> takesType = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> payloadType) {
            return handlers.canHandleType(payloadType);
        }
    };
    private volatile Boolean supportsReset;

    TypeFilteredInvoker(EventHandlerInvoker handlers) {
        this.handlers = handlers;
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        return canHandleType(event.getPayloadType()) && handlers.canHandle(event, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return takesType.get(payloadType);
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        handlers.handle(event, segment);
    }

    @Override
    public boolean supportsReset() {
        Boolean answer = supportsReset;
        if (answer == null) {
            answer = handlers.supportsReset();
            supportsReset = answer;
        }
        return answer;
    }

    @Override
    public void performReset() {
        handlers.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        handlers.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        handlers.segmentReleased(segment);
    }
}
