package com.flowmatik.app.live;

import com.flowmatik.app.security.AuthenticatedUser;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws} (a browser's token as the subprotocol after {@code bearer}): once connected ({@code {"type":"connected"}}), a user receives their notifications
 * as {@code {"type":"notification", kind, title, message, data, at}}. Clients may send
 * {@code {"type":"subscribe","topic":"dashboard"}} (admins only; then {@code {"type":"dashboard",
 * data}} messages follow), {@code {"type":"unsubscribe","topic":"dashboard"}} and
 * {@code {"type":"ping"}}; anything else is answered with an {@code error} message.
 */
@Component
class LiveSocket extends TextWebSocketHandler implements SubProtocolCapable {

    static final String DASHBOARD = "dashboard";
    /** The subprotocol before a browser's token, which the authentication filter reads at the handshake. */
    static final String BEARER_SUBPROTOCOL = "bearer";

    static final int SEND_TIME_LIMIT_MS = 10_000;
    static final int BUFFER_LIMIT_BYTES = 512 * 1024;
    private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);

    private final LiveSessions sessions;
    private final DashboardFeed dashboard;
    private final JsonMapper json;

    LiveSocket(LiveSessions sessions, DashboardFeed dashboard, JsonMapper json) {
        this.sessions = sessions;
        this.dashboard = dashboard;
        this.json = json;
    }

    /** A browser sends its token as the second of two subprotocols; the first is the one agreed. */
    @Override
    public List<String> getSubProtocols() {
        return List.of(BEARER_SUBPROTOCOL);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        AuthenticatedUser user = caller(raw.getPrincipal());
        if (user == null) {
            closeUnauthenticated(raw);
            return;
        }
        LiveSession session = new LiveSession(
                new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES),
                user.userId(),
                user.role());
        sessions.add(session);
        session.send(json.writeValueAsString(
                Map.of("type", "connected", "userId", user.userId().value())));
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        LiveSession session = sessions.get(raw.getId());
        if (session == null) {
            closeUnauthenticated(raw);
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(message.getPayload());
        } catch (JacksonException malformed) {
            error(session, 400, "malformed-request", "The message is not JSON");
            return;
        }
        String type = request.path("type").asString("");
        String topic = request.path("topic").asString("");
        switch (type) {
            case "ping" -> session.send(json.writeValueAsString(Map.of("type", "pong")));
            case "subscribe" -> subscribe(session, topic);
            case "unsubscribe" -> {
                session.followDashboard(false);
                session.send(json.writeValueAsString(Map.of("type", "unsubscribed", "topic", topic)));
            }
            default -> error(session, 400, "validation", "type must be subscribe, unsubscribe or ping");
        }
    }

    private void subscribe(LiveSession session, String topic) {
        if (!DASHBOARD.equals(topic)) {
            error(session, 400, "validation", "topic must be dashboard");
        } else if (!session.isAdmin()) {
            error(session, 403, "forbidden", "Only admins may follow the dashboard");
        } else {
            session.followDashboard(true);
            dashboard.sendNow(session);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        sessions.remove(raw.getId());
    }

    @Override
    public void handleTransportError(WebSocketSession raw, Throwable failure) {
        log.debug("Live session {} failed", raw.getId(), failure);
        sessions.remove(raw.getId());
    }

    private void error(LiveSession session, int status, String problem, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        error.put("status", status);
        error.put("problem", problem);
        error.put("detail", detail);
        session.send(json.writeValueAsString(error));
    }

    /** The token's user, as the authentication filter admitted them at the handshake. */
    private static AuthenticatedUser caller(Principal principal) {
        if (principal instanceof Authentication authentication
                && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return user;
        }
        return null;
    }

    private static void closeUnauthenticated(WebSocketSession session) {
        try {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("sign in first"));
        } catch (IOException alreadyGone) {
            log.debug("Closing an unauthenticated WebSocket failed", alreadyGone);
        }
    }
}
