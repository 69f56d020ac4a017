package com.flowmatik.app.auth;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends a password-reset link by SMTP when {@code SMTP_HOST} is set. Without it no link goes
 * anywhere, and the log says only that mail is not configured: a link in a log (or in the admin log
 * endpoint) would let whoever reads it take over the account. The caller's answer is the same 202.
 */
@Component
class ResetLinkMail {

    private static final Logger log = LoggerFactory.getLogger(ResetLinkMail.class);

    private final MailProperties mail;
    private final JavaMailSenderImpl sender;

    ResetLinkMail(MailProperties mail) {
        this.mail = mail;
        this.sender = mail.smtpConfigured() ? smtp(mail) : null;
    }

    void send(String email, String token) {
        if (sender == null) {
            log.warn(
                    "A password reset was asked for, but mail is not configured (SMTP_HOST is not set): no link was sent");
            return;
        }
        String link = mail.resetUrl() + token;
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(mail.from());
        message.setTo(email);
        message.setSubject("Reset your Flowmatik password");
        message.setText("Someone asked to reset the password of your Flowmatik account.\n\n"
                + "To choose a new password, open this link within 30 minutes:\n" + link + "\n\n"
                + "If it was not you, ignore this mail; your password stays as it is.\n");
        sender.send(message);
    }

    private static JavaMailSenderImpl smtp(MailProperties mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.smtpHost());
        sender.setPort(mail.smtpPort() == null ? 587 : mail.smtpPort());
        if (mail.smtpUser() != null && !mail.smtpUser().isBlank()) {
            sender.setUsername(mail.smtpUser());
            sender.setPassword(mail.smtpPass());
        }
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.smtp.starttls.enable", "true");
        return sender;
    }
}
