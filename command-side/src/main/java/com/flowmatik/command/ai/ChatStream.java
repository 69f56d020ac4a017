package com.flowmatik.command.ai;

import com.flowmatik.command.ai.provider.StreamCancelled;
import com.flowmatik.command.refusal.ErrorVocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A chat answer as Server-Sent Events: {@code delta} events with content as it arrives, then one
 * {@code done} event with the request id, conversation, usage and cost, or one {@code error} event
 * with the request id and the problem the same failure gets as an HTTP answer ({@code status},
 * {@code type}, {@code title}, {@code detail}). A client that goes away cancels the call; what the
 * provider reported until then is charged.
 */
final class ChatStream {

    static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(ChatStream.class);

    private ChatStream() {}

    static SseEmitter start(MeteredChat.Turn turn, TaskExecutor executor, ErrorVocabulary errors) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        executor.execute(() -> {
            try {
                ChatAnswer answer = turn.run(delta -> send(emitter, "delta", Map.of("content", delta)));
                send(emitter, "done", answer);
                emitter.complete();
            } catch (StreamCancelled gone) {
                emitter.complete();
            } catch (RuntimeException failure) {
                sendQuietly(emitter, error(turn, errors.describe(failure)));
                emitter.complete();
            }
        });
        return emitter;
    }

    private static void send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    private static Map<String, Object> error(MeteredChat.Turn turn, ErrorVocabulary.DescribedError error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", turn.requestId());
        data.put("status", error.status());
        data.put("type", error.type());
        data.put("title", error.title());
        data.put("detail", error.detail());
        if (!error.errors().isEmpty()) {
            data.put("errors", error.errors());
        }
        return data;
    }

    /** The last word of a stream that failed: the client may be gone already, and then nobody hears it. */
    private static void sendQuietly(SseEmitter emitter, Map<String, Object> error) {
        try {
            emitter.send(SseEmitter.event().name("error").data(error, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException clientGone) {
            log.debug("Could not send the error event: the client is gone", clientGone);
        }
    }
}
