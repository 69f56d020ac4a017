package com.flowmatik.command.identity;

import com.flowmatik.api.identity.EmailAddresses;
import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Opens accounts. The e-mail check reads the {@link EmailRegistry}, which the same transaction
 * extends with the new address; its primary key catches the race of two concurrent sign-ups.
 */
@Component
class UserRegistration {

    private final EmailRegistry emails;
    private final Repository<UserAccount> accounts;

    UserRegistration(EmailRegistry emails, Repository<UserAccount> accounts) {
        this.emails = emails;
        this.accounts = accounts;
    }

    @CommandHandler
    UserId handle(RegisterUser command) throws Exception {
        String email = EmailAddresses.normalize(command.email());
        if (email != null && emails.existsById(email)) {
            throw new BusinessRuleViolation(ErrorCode.EMAIL_TAKEN, "An account with this e-mail already exists");
        }
        accounts.newInstance(() -> new UserAccount(command, email));
        return command.userId();
    }
}
