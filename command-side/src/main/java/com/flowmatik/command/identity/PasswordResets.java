package com.flowmatik.command.identity;

import com.flowmatik.api.identity.EmailAddresses;
import com.flowmatik.api.identity.RequestPasswordReset;
import com.flowmatik.api.identity.ResetPassword;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Routes the two reset commands, which name no account, to the account they concern: by e-mail
 * address for a request, by token hash for the reset itself.
 */
@Component
class PasswordResets {

    private final EmailRegistry emails;
    private final ResetTokens resetTokens;
    private final Repository<UserAccount> accounts;

    PasswordResets(EmailRegistry emails, ResetTokens resetTokens, Repository<UserAccount> accounts) {
        this.emails = emails;
        this.resetTokens = resetTokens;
        this.accounts = accounts;
    }

    /** Answers whether a link was issued, that is whether an active account has the address. */
    @CommandHandler
    boolean handle(RequestPasswordReset command) {
        return emails.findById(EmailAddresses.normalize(command.email()))
                .map(registered ->
                        accounts.load(registered.userId()).invoke(account -> account.requestPasswordReset(command)))
                .orElse(false);
    }

    @CommandHandler
    UserId handle(ResetPassword command) {
        ResetToken token = resetTokens
                .findById(command.tokenHash())
                .orElseThrow(() -> new BusinessRuleViolation(
                        ErrorCode.INVALID_RESET_TOKEN, "The reset link is invalid, used or expired"));
        accounts.load(token.userId()).execute(account -> account.resetPassword(command));
        return UserId.of(token.userId());
    }
}
