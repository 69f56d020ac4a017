package com.flowmatik.command.identity;

import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Claims the address of every registration. Runs in the {@value #GROUP} processing group, a
 * subscribing processor that propagates errors, so the claim commits or fails together with the
 * event that made it.
 */
@Component
@ProcessingGroup(EmailRegistryUpdater.GROUP)
class EmailRegistryUpdater {

    static final String GROUP = "email-registry";

    private final EmailRegistry emails;

    EmailRegistryUpdater(EmailRegistry emails) {
        this.emails = emails;
    }

    @EventHandler
    void on(UserRegistered event) {
        try {
            emails.saveAndFlush(new RegisteredEmail(event.email(), event.userId().value()));
        } catch (DataIntegrityViolationException raceLost) {
            throw new BusinessRuleViolation(ErrorCode.EMAIL_TAKEN, "An account with this e-mail already exists");
        }
    }
}
