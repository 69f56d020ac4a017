package com.flowmatik.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.ApiKeyRevoked;
import com.flowmatik.api.identity.ChangePassword;
import com.flowmatik.api.identity.ChangePlan;
import com.flowmatik.api.identity.ChangeRole;
import com.flowmatik.api.identity.CreateApiKey;
import com.flowmatik.api.identity.DeactivateUser;
import com.flowmatik.api.identity.PasswordChanged;
import com.flowmatik.api.identity.PasswordReset;
import com.flowmatik.api.identity.PasswordResetRequested;
import com.flowmatik.api.identity.PlanChanged;
import com.flowmatik.api.identity.ProfileUpdated;
import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.RequestPasswordReset;
import com.flowmatik.api.identity.ResetPassword;
import com.flowmatik.api.identity.RevokeApiKey;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.RoleChanged;
import com.flowmatik.api.identity.UpdateProfile;
import com.flowmatik.api.identity.UserDeactivated;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's account: who they are, how they sign in, what role they hold, and whether they may use
 * the platform at all. Handlers that answer a boolean say whether anything changed, so that a
 * caller waits for the read model only when there is something to wait for.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class UserAccount {

    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_API_KEYS = 20;
    static final int MAX_API_KEY_NAME_LENGTH = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d{2}\\$.{53}$");

    @AggregateIdentifier
    private UserId userId;

    private String email;
    private String name;
    private String passwordHash;
    private Role role;
    private boolean active;
    private String pendingResetTokenHash;
    private Instant pendingResetExpiresAt;
    private Plan plan;
    private PaymentProvider planBilledBy;
    /** The ids of the account's API keys that still work, in the order they were made. */
    private LinkedHashSet<String> apiKeyIds = new LinkedHashSet<>();

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

    @CommandHandler
    boolean handle(UpdateProfile command) {
        requireActive();
        requireValidName(command.name());
        String name = command.name().strip();
        if (name.equals(this.name)) {
            return false;
        }
        apply(new ProfileUpdated(userId, name, command.updatedAt()));
        return true;
    }

    @CommandHandler
    void handle(ChangePassword command) {
        requireActive();
        requireBcrypt(command.newPasswordHash());
        apply(new PasswordChanged(userId, command.newPasswordHash(), command.changedAt()));
    }

    /** Called by {@link PasswordResets}, which found this account by its e-mail address. */
    boolean requestPasswordReset(RequestPasswordReset command) {
        if (!active) {
            return false;
        }
        apply(new PasswordResetRequested(userId, command.tokenHash(), command.expiresAt(), command.requestedAt()));
        return true;
    }

    /** Called by {@link PasswordResets}, which found this account by the token's hash. */
    void resetPassword(ResetPassword command) {
        boolean tokenWorks = pendingResetTokenHash != null
                && pendingResetTokenHash.equals(command.tokenHash())
                && command.resetAt().isBefore(pendingResetExpiresAt);
        if (!tokenWorks) {
            throw new BusinessRuleViolation(
                    ErrorCode.INVALID_RESET_TOKEN, "The reset link is invalid, used or expired");
        }
        requireActive();
        requireBcrypt(command.newPasswordHash());
        apply(new PasswordReset(userId, command.newPasswordHash(), command.resetAt()));
        // whoever needed the reset may not be the only one holding the account's keys
        revokeAllApiKeys(ApiKeyRevoked.PASSWORD_RESET, command.resetAt());
    }

    @CommandHandler
    boolean handle(ChangeRole command) {
        if (command.role() == null) {
            throw BusinessRuleViolation.invalidField("role", "must be user, premium or admin");
        }
        if (command.role() == role) {
            return false;
        }
        if (userId.equals(command.changedBy())) {
            throw BusinessRuleViolation.invalidField("role", "an operator cannot change their own role");
        }
        apply(new RoleChanged(userId, command.role(), command.changedBy(), command.changedAt()));
        return true;
    }

    /**
     * The one way a plan changes (a payment, its end, or an operator). The plan decides the role and
     * the daily limits; an admin keeps the admin role. An operator does not override a plan a payment
     * provider bills: that changes at the provider, or the user would pay for one plan and hold another.
     */
    @CommandHandler
    boolean handle(ChangePlan command) {
        if (command.plan() == null) {
            throw BusinessRuleViolation.invalidField("plan", "must be free, starter, pro or business");
        }
        if (command.provider() == PaymentProvider.MANUAL && isBilledByAProvider()) {
            throw new BusinessRuleViolation(
                    ErrorCode.SUBSCRIPTION_ACTIVE,
                    "The user pays for " + plan.wireName() + " through " + planBilledBy.wireName()
                            + "; the plan changes there");
        }
        Role planRole = command.plan().role();
        boolean roleFollows = role != Role.ADMIN && role != planRole;
        if (command.plan() == plan && command.provider() == planBilledBy && !roleFollows) {
            return false;
        }
        apply(new PlanChanged(
                userId,
                plan,
                command.plan(),
                command.plan().dailyLimits(),
                command.provider(),
                command.changedBy(),
                command.changedAt()));
        if (roleFollows) {
            apply(new RoleChanged(userId, planRole, command.changedBy(), command.changedAt()));
        }
        if (command.plan() == Plan.FREE) {
            whenPlanBecomesFree(command.changedAt());
        }
        return true;
    }

    /** API keys are a paid plan's feature: the Free plan ends them. */
    private void whenPlanBecomesFree(Instant at) {
        revokeAllApiKeys(ApiKeyRevoked.PLAN_DOWNGRADED, at);
    }

    /**
     * API keys need a paid plan (an account whose plan predates {@link PlanChanged} knows it by the
     * premium role its plan gave it); an operator's account may hold keys too, and they carry no
     * admin rights.
     */
    @CommandHandler
    void handle(CreateApiKey command) {
        requireActive();
        boolean paid = plan != null ? plan != Plan.FREE : role == Role.PREMIUM;
        if (!paid && role != Role.ADMIN) {
            throw new BusinessRuleViolation(ErrorCode.PLAN_REQUIRED, "API keys need a paid plan (Starter or above)");
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_API_KEY_NAME_LENGTH) {
            throw BusinessRuleViolation.invalidField("name", "must be 1 to " + MAX_API_KEY_NAME_LENGTH + " characters");
        }
        if (apiKeyIds.size() >= MAX_API_KEYS) {
            throw BusinessRuleViolation.invalidField(
                    "name", "an account holds at most " + MAX_API_KEYS + " keys; revoke one first");
        }
        if (command.keyId() == null || command.hash() == null || apiKeyIds.contains(command.keyId())) {
            throw BusinessRuleViolation.invalidField("keyId", "must be new, with the key's hash");
        }
        apply(new ApiKeyCreated(userId, command.keyId(), name, command.prefix(), command.hash(), command.createdAt()));
    }

    /** Only the owner's own working keys can be revoked: any other id is not found, whoever holds it. */
    @CommandHandler
    void handle(RevokeApiKey command) {
        if (!apiKeyIds.contains(command.keyId())) {
            throw new BusinessRuleViolation(ErrorCode.NOT_FOUND, "No such API key");
        }
        apply(new ApiKeyRevoked(userId, command.keyId(), ApiKeyRevoked.BY_USER, command.revokedAt()));
    }

    private void revokeAllApiKeys(String reason, Instant at) {
        for (String keyId : new ArrayList<>(apiKeyIds)) {
            apply(new ApiKeyRevoked(userId, keyId, reason, at));
        }
    }

    private boolean isBilledByAProvider() {
        return plan != null && plan != Plan.FREE && planBilledBy != null && planBilledBy != PaymentProvider.MANUAL;
    }

    @CommandHandler
    boolean handle(DeactivateUser command) {
        if (!active) {
            return false;
        }
        if (userId.equals(command.deactivatedBy())) {
            throw BusinessRuleViolation.invalidField("userId", "an operator cannot deactivate themself");
        }
        apply(new UserDeactivated(userId, command.deactivatedBy(), command.deactivatedAt()));
        revokeAllApiKeys(ApiKeyRevoked.DEACTIVATED, command.deactivatedAt());
        return true;
    }

    /** Read through {@link Accounts}. */
    Accounts.Contact contact() {
        return new Accounts.Contact(email, name);
    }

    private void requireActive() {
        if (!active) {
            throw new BusinessRuleViolation(ErrorCode.ACCOUNT_DEACTIVATED, "This account is deactivated");
        }
    }

    private static void requireValid(String email, String name, String passwordHash) {
        if (email == null
                || email.length() > MAX_EMAIL_LENGTH
                || !EMAIL.matcher(email).matches()) {
            throw BusinessRuleViolation.invalidField("email", "must be a well-formed e-mail address");
        }
        requireValidName(name);
        requireBcrypt(passwordHash);
    }

    private static void requireValidName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw BusinessRuleViolation.invalidField("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }

    private static void requireBcrypt(String passwordHash) {
        if (passwordHash == null || !BCRYPT.matcher(passwordHash).matches()) {
            throw BusinessRuleViolation.invalidField("passwordHash", "must be a BCrypt hash");
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        this.userId = event.userId();
        this.email = event.email();
        this.name = event.name();
        this.passwordHash = event.passwordHash();
        this.role = event.role();
        this.active = true;
    }

    @EventSourcingHandler
    void on(ProfileUpdated event) {
        this.name = event.name();
    }

    @EventSourcingHandler
    void on(PasswordChanged event) {
        this.passwordHash = event.passwordHash();
    }

    @EventSourcingHandler
    void on(PasswordResetRequested event) {
        this.pendingResetTokenHash = event.tokenHash();
        this.pendingResetExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(PasswordReset event) {
        this.passwordHash = event.passwordHash();
        this.pendingResetTokenHash = null;
        this.pendingResetExpiresAt = null;
    }

    @EventSourcingHandler
    void on(PlanChanged event) {
        this.plan = event.plan();
        this.planBilledBy = event.provider();
    }

    @EventSourcingHandler
    void on(RoleChanged event) {
        this.role = event.role();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        this.active = false;
        this.pendingResetTokenHash = null;
        this.pendingResetExpiresAt = null;
    }

    @EventSourcingHandler
    void on(ApiKeyCreated event) {
        apiKeyIds.add(event.keyId());
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        apiKeyIds.remove(event.keyId());
    }
}
