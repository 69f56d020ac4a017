package com.flowmatik.app.live;

import com.flowmatik.api.identity.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /ws} sessions connected to this instance, and the one way messages reach them. A user
 * with several tabs has several sessions, and each receives the message. A session that cannot be
 * written to any more is forgotten.
 */
@Component
class LiveSessions {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);

    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private final JsonMapper json;

    LiveSessions(JsonMapper json) {
        this.json = json;
    }

    void add(LiveSession session) {
        sessions.put(session.id(), session);
    }

    void remove(String sessionId) {
        sessions.remove(sessionId);
    }

    LiveSession get(String sessionId) {
        return sessions.get(sessionId);
    }

    Collection<LiveSession> all() {
        return List.copyOf(sessions.values());
    }

    boolean isConnected(UserId userId) {
        return sessions.values().stream().anyMatch(session -> session.userId().equals(userId));
    }

    boolean anyFollowDashboard() {
        return sessions.values().stream().anyMatch(LiveSession::followsDashboard);
    }

    /** Sends to one session; answers whether it went. */
    boolean toSession(LiveSession session, Object message) {
        return toSessions(candidate -> candidate == session, message) == 1;
    }

    /** Sends to every session of the user; answers to how many it went. */
    int toUser(UserId userId, Object message) {
        return toSessions(session -> session.userId().equals(userId), message);
    }

    /** Sends to every session that matches; answers to how many it went. */
    int toSessions(Predicate<LiveSession> audience, Object message) {
        List<LiveSession> targets = sessions.values().stream().filter(audience).toList();
        if (targets.isEmpty()) {
            return 0;
        }
        String text = json.writeValueAsString(message);
        int delivered = 0;
        for (LiveSession session : targets) {
            if (session.send(text)) {
                delivered++;
            } else {
                log.debug("Dropping live session {}: it cannot be written to", session.id());
                sessions.remove(session.id());
            }
        }
        return delivered;
    }

    int size() {
        return sessions.size();
    }
}
