package com.flowmatik.command.ai;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.ai.provider.StreamCancelled;
import com.flowmatik.command.refusal.ErrorVocabulary;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat over WebSocket ({@code /ws/chat}): each text message is a chat request as for
 * {@code POST /api/ai/chat}; the answer comes back as {@code delta} messages and one {@code done}
 * with the usage and cost, or one {@code error} with the status and problem slug the HTTP API
 * answers the same failure with ({@link ErrorVocabulary}, the one mapping). Quota, metering and conversations are the same as over HTTP.
 */
@Component
class ChatSocket extends TextWebSocketHandler {

    static final int SEND_TIME_LIMIT_MS = 10_000;
    static final int BUFFER_LIMIT_BYTES = 512 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ChatSocket.class);

    private final MeteredChat chat;
    private final JsonMapper json;
    private final Validator validator;
    private final TaskExecutor executor;
    private final ErrorVocabulary errors;
    /**
     * One sending decorator per open session: its lock is what keeps the reader thread's error
     * replies and a worker's answer from writing to the socket at once (two decorators over one
     * session would each hold their own lock, and Tomcat refuses the second writer).
     */
    private final Map<String, WebSocketSession> senders = new ConcurrentHashMap<>();

    ChatSocket(MeteredChat chat, JsonMapper json, Validator validator, TaskExecutor executor, ErrorVocabulary errors) {
        this.chat = chat;
        this.errors = errors;
        this.json = json;
        this.validator = validator;
        this.executor = executor;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        if (raw.getPrincipal() == null) {
            closeUnauthenticated(raw);
            return;
        }
        senders.put(raw.getId(), new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        senders.remove(raw.getId());
    }

    /**
     * Nothing is thrown back to Spring: it would close the session and log the handshake's URI,
     * which holds a browser's {@code access_token}.
     */
    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        WebSocketSession session = senders.get(raw.getId());
        if (session == null) {
            closeUnauthenticated(raw);
            return;
        }
        try {
            handle(session, message);
        } catch (UncheckedIOException gone) {
            log.debug("WebSocket chat client went away", gone);
        }
    }

    private void handle(WebSocketSession session, TextMessage message) {
        UserId userId = UserId.of(session.getPrincipal().getName());
        ChatBody body;
        try {
            body = json.readValue(message.getPayload(), ChatBody.class);
        } catch (JacksonException malformed) {
            error(
                    session,
                    errors.describe(new BusinessRuleViolation(
                            ErrorCode.MALFORMED_REQUEST, "The message is not a chat request in JSON")));
            return;
        }
        Set<ConstraintViolation<ChatBody>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            ConstraintViolation<ChatBody> first = violations.iterator().next();
            error(
                    session,
                    errors.describe(BusinessRuleViolation.invalidField(
                            first.getPropertyPath().toString(), first.getMessage())));
            return;
        }
        executor.execute(() -> answer(session, userId, body));
    }

    private void answer(WebSocketSession session, UserId userId, ChatBody body) {
        try {
            MeteredChat.Turn turn = chat.begin(
                    new MeteredChat.Input(userId, body.message(), body.conversationId(), body.model(), body.agent()));
            ChatAnswer answer = turn.run(delta -> send(session, Map.of("type", "delta", "content", delta)));
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("type", "done");
            done.put("answer", answer);
            send(session, done);
        } catch (StreamCancelled | UncheckedIOException gone) {
            log.debug("WebSocket chat client went away", gone);
        } catch (RuntimeException failure) {
            error(session, errors.describe(failure));
        }
    }

    /**
     * The same problem the HTTP API answers, as a message: {@code problemType} is the problem's
     * {@code type} (this message's own {@code type} says it is an error), {@code problem} its slug.
     */
    private void error(WebSocketSession session, ErrorVocabulary.DescribedError error) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "error");
        message.put("status", error.status());
        message.put("problem", error.slug());
        message.put("problemType", error.type());
        message.put("title", error.title());
        message.put("detail", error.detail());
        if (!error.errors().isEmpty()) {
            message.put("errors", error.errors());
        }
        send(session, message);
    }

    private void send(WebSocketSession session, Object message) {
        try {
            session.sendMessage(new TextMessage(json.writeValueAsString(message)));
        } catch (IOException | IllegalStateException gone) {
            throw new UncheckedIOException(new IOException("WebSocket closed", gone));
        }
    }

    private static void closeUnauthenticated(WebSocketSession session) {
        try {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("sign in first"));
        } catch (IOException alreadyGone) {
            log.debug("Closing an unauthenticated WebSocket failed", alreadyGone);
        }
    }
}
