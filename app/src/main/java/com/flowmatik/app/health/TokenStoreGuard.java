package com.flowmatik.app.health;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on an in-memory token store: with it every projection would silently replay
 * from the first event after each restart (a known Spring Boot 4 auto-configuration trap).
 */
@Component
class TokenStoreGuard implements InitializingBean {

    private final TokenStore tokenStore;

    TokenStoreGuard(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    @Override
    public void afterPropertiesSet() {
        if (tokenStore instanceof InMemoryTokenStore) {
            throw new IllegalStateException("Axon is configured with an in-memory token store; projections would "
                    + "replay after every restart. Check that the JPA token store is on the classpath and configured.");
        }
    }
}
