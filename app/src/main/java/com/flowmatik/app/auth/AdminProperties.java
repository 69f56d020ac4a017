package com.flowmatik.app.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator account created at start.
 *
 * @param email {@code FLOWMATIK_ADMIN_EMAIL}
 * @param password {@code FLOWMATIK_ADMIN_PASSWORD}
 */
@ConfigurationProperties("flowmatik.admin")
public record AdminProperties(String email, String password) {

    boolean isSet() {
        return email != null && !email.isBlank() && password != null && !password.isBlank();
    }
}
