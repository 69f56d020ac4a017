package com.flowmatik.app.auth;

import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.refusal.Refusal;
import com.flowmatik.app.sides.ConditionalOnSide;
import com.flowmatik.app.sides.Side;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Creates the operator account from {@code FLOWMATIK_ADMIN_EMAIL} and {@code FLOWMATIK_ADMIN_PASSWORD}
 * once: on a later start the e-mail is taken and nothing happens.
 */
@Component
@ConditionalOnSide(Side.COMMAND)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties admin;
    private final CommandGateway commands;
    private final Passwords passwords;
    private final IdGenerator ids;
    private final java.time.Clock clock;

    AdminBootstrap(
            AdminProperties admin,
            CommandGateway commands,
            Passwords passwords,
            IdGenerator ids,
            java.time.Clock clock) {
        this.admin = admin;
        this.commands = commands;
        this.passwords = passwords;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.isSet()) {
            return;
        }
        UserId userId = UserId.of(ids.generateId().toString());
        try {
            commands.sendAndWait(new RegisterUser(
                    userId,
                    admin.email(),
                    "Administrator",
                    passwords.hash("FLOWMATIK_ADMIN_PASSWORD", admin.password()),
                    Role.ADMIN,
                    clock.instant()));
            log.info("Created the admin account {}", admin.email());
        } catch (CommandExecutionException | BusinessRuleViolation refused) {
            if (!isEmailTaken(refused)) {
                throw refused;
            }
            log.info("The admin account {} exists already", admin.email());
        }
    }

    private static boolean isEmailTaken(RuntimeException refused) {
        if (refused instanceof BusinessRuleViolation violation) {
            return violation.code() == ErrorCode.EMAIL_TAKEN;
        }
        return Refusal.is((CommandExecutionException) refused, ErrorCode.EMAIL_TAKEN);
    }
}
