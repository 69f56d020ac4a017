package com.flowmatik.app.auth;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends a password-reset link: by SMTP when {@code SMTP_HOST} is set, otherwise to the log at INFO
 * (the link and the user id only, nothing else of the account), so a local setup can still reset.
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
        String link = mail.resetUrl() + token;
        if (sender == null) {
            log.info("Password reset link (SMTP_HOST is not set, so it is logged instead of mailed): {}", link);
            return;
        }
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
