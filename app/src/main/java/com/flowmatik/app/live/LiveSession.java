package com.flowmatik.app.live;

import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import java.io.IOException;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open {@code /ws} connection of this instance: whose it is, with the role their token carried
 * at the handshake, and whether it follows the dashboard.
 */
final class LiveSession {

    private final WebSocketSession socket;
    private final UserId userId;
    private final Role role;
    private volatile boolean followsDashboard;

    LiveSession(WebSocketSession socket, UserId userId, Role role) {
        this.socket = socket;
        this.userId = userId;
        this.role = role;
    }

    String id() {
        return socket.getId();
    }

    UserId userId() {
        return userId;
    }

    boolean isAdmin() {
        return role == Role.ADMIN;
    }

    boolean followsDashboard() {
        return followsDashboard;
    }

    void followDashboard(boolean follow) {
        followsDashboard = follow;
    }

    /** Sends one message; a client that went away or cannot keep up answers false. */
    boolean send(String json) {
        try {
            socket.sendMessage(new TextMessage(json));
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }
}
