package com.flowmatik.app.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account mail.
 *
 * @param smtpHost {@code SMTP_HOST}; mail is sent only when it is set
 * @param smtpPort {@code SMTP_PORT}
 * @param smtpUser {@code SMTP_USER}
 * @param smtpPass {@code SMTP_PASS}
 * @param from {@code SMTP_FROM}
 * @param resetUrl {@code FLOWMATIK_RESET_URL}: the reset page; the token is appended
 */
@ConfigurationProperties("flowmatik.mail")
public record MailProperties(
        String smtpHost, Integer smtpPort, String smtpUser, String smtpPass, String from, String resetUrl) {

    boolean smtpConfigured() {
        return smtpHost != null && !smtpHost.isBlank();
    }
}
