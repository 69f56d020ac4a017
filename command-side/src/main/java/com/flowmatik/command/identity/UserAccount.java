package com.flowmatik.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A user's account: who they are, how they sign in, and what role they hold. */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class UserAccount {

    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_NAME_LENGTH = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d{2}\\$.{53}$");

    @AggregateIdentifier
    private UserId userId;

    private String email;
    private String name;
    private String passwordHash;
    private Role role;

    protected UserAccount() {
        // for Axon
    }

    /** Called by {@link UserRegistration} once the e-mail is known to be free. */
    UserAccount(RegisterUser command, String normalizedEmail) {
        requireValid(normalizedEmail, command.name(), command.passwordHash());
        apply(new UserRegistered(
                command.userId(),
                normalizedEmail,
                command.name().strip(),
                command.passwordHash(),
                command.role() == null ? Role.USER : command.role(),
                command.registeredAt()));
    }

    private static void requireValid(String email, String name, String passwordHash) {
        if (email == null || email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION, "email: must be a well-formed e-mail address");
        }
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new BusinessRuleViolation(
                    ErrorCode.VALIDATION, "name: must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (passwordHash == null || !BCRYPT.matcher(passwordHash).matches()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION, "passwordHash: must be a BCrypt hash");
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        this.userId = event.userId();
        this.email = event.email();
        this.name = event.name();
        this.passwordHash = event.passwordHash();
        this.role = event.role();
    }
}
