package com.flowmatik.command.ai;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeHandler;

/**
 * Serves {@link ChatSocket} at {@code /ws/chat}. The handshake is an ordinary authenticated request
 * (bearer token, or {@code access_token} for browsers, which cannot set headers on it); browsers
 * may connect from the origins of {@code CORS_ORIGINS}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatSocketConfiguration implements WebSocketConfigurer {

    private final ChatSocket chat;
    private final List<String> origins;
    private final ObjectProvider<HandshakeHandler> handshakes;

    ChatSocketConfiguration(
            ChatSocket chat,
            @Value("${flowmatik.web.cors-origins:}") List<String> origins,
            ObjectProvider<HandshakeHandler> handshakes) {
        this.chat = chat;
        this.origins = origins.stream()
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .toList();
        this.handshakes = handshakes;
    }

    /** With the web edge's handshake handler, when it has one: a request that is no handshake gets its problem answer. */
    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        var registration = registry.addHandler(chat, "/ws/chat").setAllowedOrigins(origins.toArray(String[]::new));
        handshakes.ifAvailable(registration::setHandshakeHandler);
    }
}
