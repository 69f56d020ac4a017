package com.flowmatik.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Without SMTP no link goes anywhere: the log says that mail is not configured, and nothing more. */
class ResetLinkMailTest {

    @Test
    void withoutSmtpTheLogSaysMailIsNotConfiguredAndHoldsNoLink() {
        Logger logger = (Logger) LoggerFactory.getLogger(ResetLinkMail.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        String token = ResetTokens.newToken();
        try {
            new ResetLinkMail(new MailProperties(
                            null,
                            null,
                            null,
                            null,
                            "no-reply@flowmatik.test",
                            "https://app.example/reset-password?token="))
                    .send("someone@example.test", token);
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).hasSize(1);
        String line = logged.list.get(0).getFormattedMessage();
        assertThat(line)
                .contains("mail is not configured")
                .doesNotContain(token)
                .doesNotContain("reset-password");
    }
}
