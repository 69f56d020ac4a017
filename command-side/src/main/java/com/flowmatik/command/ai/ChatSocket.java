package com.flowmatik.command.ai;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.command.ai.provider.ProviderException;
import com.flowmatik.command.ai.provider.ProviderTimedOut;
import com.flowmatik.command.ai.provider.ProviderUnavailable;
import com.flowmatik.command.ai.provider.StreamCancelled;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
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
 * with the usage and cost, or one {@code error} with the status and problem slug the HTTP API would
 * have answered. Quota, metering and conversations are the same as over HTTP.
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

    ChatSocket(MeteredChat chat, JsonMapper json, Validator validator, TaskExecutor executor) {
        this.chat = chat;
        this.json = json;
        this.validator = validator;
        this.executor = executor;
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        if (raw.getPrincipal() == null) {
            closeUnauthenticated(raw);
            return;
        }
        UserId userId = UserId.of(raw.getPrincipal().getName());
        ChatBody body;
        try {
            body = json.readValue(message.getPayload(), ChatBody.class);
        } catch (JacksonException malformed) {
            error(session, 400, "malformed-request", "The message is not a chat request in JSON");
            return;
        }
        Set<ConstraintViolation<ChatBody>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            ConstraintViolation<ChatBody> first = violations.iterator().next();
            error(session, 400, "validation", first.getPropertyPath() + ": " + first.getMessage());
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
        } catch (StreamCancelled gone) {
            log.debug("WebSocket chat client went away", gone);
        } catch (QuotaExceeded refused) {
            error(session, 429, "quota-exceeded", refused.getMessage());
        } catch (ProviderException failure) {
            int status = failure instanceof ProviderUnavailable ? 503 : failure instanceof ProviderTimedOut ? 504 : 502;
            String slug = failure instanceof ProviderUnavailable
                    ? "provider-unavailable"
                    : failure instanceof ProviderTimedOut ? "provider-timeout" : "provider-error";
            error(session, status, slug, failure.getMessage());
        } catch (BusinessRuleViolation refused) {
            refusal(session, refused.code(), refused.getMessage());
        } catch (CommandExecutionException refused) {
            ErrorCode code = refused.getDetails().map(Object::toString).map(ErrorCode::valueOf).orElse(null);
            if (code == null) {
                throw refused;
            }
            refusal(session, code, refused.getMessage());
        } catch (UncheckedIOException gone) {
            log.debug("WebSocket chat client went away", gone);
        }
    }

    private void refusal(WebSocketSession session, ErrorCode code, String message) {
        int status = switch (code) {
            case NOT_FOUND -> 404;
            case VALIDATION, INVALID_RESET_TOKEN, INVALID_SIGNATURE -> 400;
            case EMAIL_TAKEN, SUBSCRIPTION_ACTIVE, NO_ACTIVE_SUBSCRIPTION -> 409;
            case ACCOUNT_DEACTIVATED -> 403;
        };
        error(session, status, code.slug(), message);
    }

    private void error(WebSocketSession session, int status, String problem, String detail) {
        send(session, Map.of("type", "error", "status", status, "problem", problem, "detail", detail));
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
