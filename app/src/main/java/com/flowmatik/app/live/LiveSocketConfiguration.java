package com.flowmatik.app.live;

import com.flowmatik.app.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeHandler;

/**
 * Serves {@link LiveSocket} at {@code /ws}, on every instance whichever sides it runs. As for
 * {@code /ws/chat}, the handshake is an authenticated request (bearer header, or
 * {@code access_token} from a browser; 401 without a valid token) from the origins of
 * {@code CORS_ORIGINS}. A request that is no WebSocket handshake is answered with a problem.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveSocketConfiguration implements WebSocketConfigurer {

    private final LiveSocket socket;
    private final WebProperties web;
    private final HandshakeHandler handshakes;

    LiveSocketConfiguration(LiveSocket socket, WebProperties web, HandshakeHandler handshakes) {
        this.socket = socket;
        this.web = web;
        this.handshakes = handshakes;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/ws")
                .setHandshakeHandler(handshakes)
                .setAllowedOrigins(web.corsOrigins().toArray(String[]::new));
    }
}
