package com.flowmatik.app.auth;

import com.flowmatik.api.identity.RequestPasswordReset;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Issues a reset link away from the request thread, so that the answer to "forgot password" takes
 * the same time whether or not the address has an account (no account enumeration by timing).
 */
@Component
class ResetLinks {

    private static final Logger log = LoggerFactory.getLogger(ResetLinks.class);

    private final CommandGateway commands;
    private final ResetLinkMail mail;
    private final TaskExecutor executor;

    ResetLinks(CommandGateway commands, ResetLinkMail mail, TaskExecutor executor) {
        this.commands = commands;
        this.mail = mail;
        this.executor = executor;
    }

    void issueInBackground(String email, String token, RequestPasswordReset request) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        executor.execute(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                Boolean issued = commands.sendAndWait(request);
                if (Boolean.TRUE.equals(issued)) {
                    mail.send(email, token);
                }
            } catch (RuntimeException failure) {
                // Nobody waits for this answer: the log is the only place the failure can go.
                log.error("Could not issue a password reset link", failure);
            } finally {
                MDC.clear();
            }
        });
    }
}
