package com.flowmatik.command.identity;

import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.ApiKeyRevoked;
import com.flowmatik.api.identity.PasswordResetRequested;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Keeps the write side's lookup tables: e-mail to account (unique), reset-token hash to account, and
 * API-key hash to key and account, and the recent revocations of keys.
 * Runs in the {@value #GROUP} processing group, a subscribing processor that propagates errors, so
 * each row commits or fails together with the event that made it.
 */
@Component
@ProcessingGroup(AccountLookups.GROUP)
class AccountLookups {

    static final String GROUP = "account-lookups";

    private final EmailRegistry emails;
    private final ResetTokens resetTokens;
    private final ApiKeyOwners apiKeys;
    private final ApiKeyRevocations revocations;

    AccountLookups(EmailRegistry emails, ResetTokens resetTokens, ApiKeyOwners apiKeys, ApiKeyRevocations revocations) {
        this.emails = emails;
        this.resetTokens = resetTokens;
        this.apiKeys = apiKeys;
        this.revocations = revocations;
    }

    @EventHandler
    void on(UserRegistered event) {
        try {
            emails.saveAndFlush(
                    new RegisteredEmail(event.email(), event.userId().value()));
        } catch (DataIntegrityViolationException raceLost) {
            throw new BusinessRuleViolation(ErrorCode.EMAIL_TAKEN, "An account with this e-mail already exists");
        }
    }

    @EventHandler
    void on(PasswordResetRequested event) {
        resetTokens.save(new ResetToken(event.tokenHash(), event.userId().value()));
    }

    @EventHandler
    void on(ApiKeyCreated event) {
        apiKeys.save(new ApiKeyOwner(event.hash(), event.keyId(), event.userId().value()));
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        apiKeys.deleteByKeyId(event.keyId());
        revocations.save(new ApiKeyRevocation(event.keyId(), event.revokedAt()));
    }
}
