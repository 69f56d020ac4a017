package com.flowmatik.command.identity;

import static com.flowmatik.command.Refusals.refusal;

import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.ApiKeyRevoked;
import com.flowmatik.api.identity.ChangePassword;
import com.flowmatik.api.identity.ChangePlan;
import com.flowmatik.api.identity.ChangeRole;
import com.flowmatik.api.identity.DeactivateUser;
import com.flowmatik.api.identity.PasswordChanged;
import com.flowmatik.api.identity.PasswordReset;
import com.flowmatik.api.identity.PasswordResetRequested;
import com.flowmatik.api.identity.PlanChanged;
import com.flowmatik.api.identity.ProfileUpdated;
import com.flowmatik.api.identity.RequestPasswordReset;
import com.flowmatik.api.identity.ResetPassword;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.RoleChanged;
import com.flowmatik.api.identity.UpdateProfile;
import com.flowmatik.api.identity.UserDeactivated;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.ErrorCode;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of an account after it is opened: profile, password, reset links, role, deactivation. */
class AccountLifecycleTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId OPERATOR = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final String OLD_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final String NEW_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWXiFW7QJ2ScmBfVXEvMvLqzF8e2";
    private static final String TOKEN_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(30));
    private static final UserRegistered REGISTERED =
            new UserRegistered(ADA, "ada@example.com", "Ada", OLD_HASH, Role.USER, NOW.minusSeconds(3600));

    private static final UserDeactivated DEACTIVATED = new UserDeactivated(ADA, OPERATOR, NOW);

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerAnnotatedCommandHandler(new PasswordResets(
                fake(
                        EmailRegistry.class,
                        Map.of(
                                "findById",
                                email -> "ada@example.com".equals(email)
                                        ? Optional.of(new RegisteredEmail("ada@example.com", ADA.value()))
                                        : Optional.empty())),
                fake(
                        ResetTokens.class,
                        Map.of(
                                "findById",
                                hash -> TOKEN_HASH.equals(hash)
                                        ? Optional.of(new ResetToken(TOKEN_HASH, ADA.value()))
                                        : Optional.empty())),
                fixture.getRepository()));
    }

    @Test
    void aNewNameIsRecorded() {
        fixture.given(REGISTERED)
                .when(new UpdateProfile(ADA, "  Ada King ", NOW))
                .expectResultMessagePayload(true)
                .expectEvents(new ProfileUpdated(ADA, "Ada King", NOW));
    }

    @Test
    void theSameNameChangesNothing() {
        fixture.given(REGISTERED)
                .when(new UpdateProfile(ADA, "Ada", NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aPasswordChangeRecordsTheNewHash() {
        fixture.given(REGISTERED)
                .when(new ChangePassword(ADA, NEW_HASH, NOW))
                .expectEvents(new PasswordChanged(ADA, NEW_HASH, NOW));
    }

    @Test
    void refusesAPasswordThatIsNotAHash() {
        fixture.given(REGISTERED)
                .when(new ChangePassword(ADA, "plaintext", NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void aResetRequestForAKnownAddressIssuesALink() {
        fixture.given(REGISTERED)
                .when(new RequestPasswordReset(" ADA@example.com", TOKEN_HASH, EXPIRES, NOW))
                .expectResultMessagePayload(true)
                .expectEvents(new PasswordResetRequested(ADA, TOKEN_HASH, EXPIRES, NOW));
    }

    @Test
    void aResetRequestForAnUnknownAddressIssuesNothing() {
        fixture.given(REGISTERED)
                .when(new RequestPasswordReset("nobody@example.com", TOKEN_HASH, EXPIRES, NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aResetLinkSetsTheNewPasswordBeforeItExpires() {
        fixture.given(REGISTERED, new PasswordResetRequested(ADA, TOKEN_HASH, EXPIRES, NOW))
                .when(new ResetPassword(TOKEN_HASH, NEW_HASH, NOW.plusSeconds(60)))
                .expectResultMessagePayload(ADA)
                .expectEvents(new PasswordReset(ADA, NEW_HASH, NOW.plusSeconds(60)));
    }

    @Test
    void aPasswordResetRevokesTheAccountsApiKeys() {
        fixture.given(
                        REGISTERED,
                        new RoleChanged(ADA, Role.PREMIUM, null, NOW),
                        new ApiKeyCreated(ADA, "key-1", "CI", "fmk_AbCd", TOKEN_HASH, NOW),
                        new PasswordResetRequested(ADA, TOKEN_HASH, EXPIRES, NOW))
                .when(new ResetPassword(TOKEN_HASH, NEW_HASH, NOW.plusSeconds(60)))
                .expectEvents(
                        new PasswordReset(ADA, NEW_HASH, NOW.plusSeconds(60)),
                        new ApiKeyRevoked(ADA, "key-1", ApiKeyRevoked.PASSWORD_RESET, NOW.plusSeconds(60)));
    }

    @Test
    void refusesAResetLinkThatWasUsed() {
        fixture.given(
                        REGISTERED,
                        new PasswordResetRequested(ADA, TOKEN_HASH, EXPIRES, NOW),
                        new PasswordReset(ADA, NEW_HASH, NOW.plusSeconds(60)))
                .when(new ResetPassword(TOKEN_HASH, OLD_HASH, NOW.plusSeconds(120)))
                .expectException(refusal(ErrorCode.INVALID_RESET_TOKEN))
                .expectNoEvents();
    }

    @Test
    void refusesAnExpiredResetLink() {
        fixture.given(REGISTERED, new PasswordResetRequested(ADA, TOKEN_HASH, EXPIRES, NOW))
                .when(new ResetPassword(TOKEN_HASH, NEW_HASH, EXPIRES))
                .expectException(refusal(ErrorCode.INVALID_RESET_TOKEN))
                .expectNoEvents();
    }

    @Test
    void aNewerResetRequestReplacesTheOlderLink() {
        String newerHash = "0".repeat(64);
        fixture.given(
                        REGISTERED,
                        new PasswordResetRequested(ADA, TOKEN_HASH, EXPIRES, NOW),
                        new PasswordResetRequested(ADA, newerHash, EXPIRES.plusSeconds(5), NOW.plusSeconds(5)))
                .when(new ResetPassword(TOKEN_HASH, NEW_HASH, NOW.plusSeconds(60)))
                .expectException(refusal(ErrorCode.INVALID_RESET_TOKEN))
                .expectNoEvents();
    }

    @Test
    void anOperatorChangesARole() {
        fixture.given(REGISTERED)
                .when(new ChangeRole(ADA, Role.PREMIUM, OPERATOR, NOW))
                .expectResultMessagePayload(true)
                .expectEvents(new RoleChanged(ADA, Role.PREMIUM, OPERATOR, NOW));
    }

    @Test
    void theSameRoleChangesNothing() {
        fixture.given(REGISTERED)
                .when(new ChangeRole(ADA, Role.USER, OPERATOR, NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aPaidPlanMakesAUserPremiumWithThePlansLimits() {
        fixture.given(REGISTERED)
                .when(new ChangePlan(ADA, Plan.PRO, PaymentProvider.STRIPE, null, NOW))
                .expectResultMessagePayload(true)
                .expectEvents(
                        new PlanChanged(ADA, null, Plan.PRO, Plan.PRO.dailyLimits(), PaymentProvider.STRIPE, null, NOW),
                        new RoleChanged(ADA, Role.PREMIUM, null, NOW));
    }

    @Test
    void theFreePlanMakesAPremiumUserAUserAgain() {
        fixture.given(REGISTERED, proBy(PaymentProvider.STRIPE), new RoleChanged(ADA, Role.PREMIUM, null, NOW))
                .when(new ChangePlan(ADA, Plan.FREE, PaymentProvider.STRIPE, null, NOW))
                .expectEvents(
                        new PlanChanged(
                                ADA, Plan.PRO, Plan.FREE, Plan.FREE.dailyLimits(), PaymentProvider.STRIPE, null, NOW),
                        new RoleChanged(ADA, Role.USER, null, NOW));
    }

    @Test
    void anOperatorsPlanGivesTheSameRoleAndLimitsAsAPaidOne() {
        fixture.given(REGISTERED)
                .when(new ChangePlan(ADA, Plan.PRO, PaymentProvider.MANUAL, OPERATOR, NOW))
                .expectResultMessagePayload(true)
                .expectEvents(
                        new PlanChanged(
                                ADA, null, Plan.PRO, Plan.PRO.dailyLimits(), PaymentProvider.MANUAL, OPERATOR, NOW),
                        new RoleChanged(ADA, Role.PREMIUM, OPERATOR, NOW));
    }

    @Test
    void theSamePlanFromTheSameProviderChangesNothing() {
        fixture.given(REGISTERED, proBy(PaymentProvider.STRIPE), new RoleChanged(ADA, Role.PREMIUM, null, NOW))
                .when(new ChangePlan(ADA, Plan.PRO, PaymentProvider.STRIPE, null, NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void anAdminStaysAnAdminWhateverTheirPlan() {
        fixture.given(REGISTERED, new RoleChanged(ADA, Role.ADMIN, OPERATOR, NOW))
                .when(new ChangePlan(ADA, Plan.STARTER, PaymentProvider.MANUAL, OPERATOR, NOW))
                .expectResultMessagePayload(true)
                .expectEvents(new PlanChanged(
                        ADA, null, Plan.STARTER, Plan.STARTER.dailyLimits(), PaymentProvider.MANUAL, OPERATOR, NOW));
    }

    @Test
    void aPlanFromASubscriptionWhoseProviderIsNotKnownStillApplies() {
        fixture.given(REGISTERED)
                .when(new ChangePlan(ADA, Plan.STARTER, null, null, NOW))
                .expectEvents(
                        new PlanChanged(ADA, null, Plan.STARTER, Plan.STARTER.dailyLimits(), null, null, NOW),
                        new RoleChanged(ADA, Role.PREMIUM, null, NOW));
    }

    @Test
    void refusesAnOperatorOverridingAPlanAProviderBills() {
        fixture.given(REGISTERED, proBy(PaymentProvider.LEMONSQUEEZY))
                .when(new ChangePlan(ADA, Plan.BUSINESS, PaymentProvider.MANUAL, OPERATOR, NOW))
                .expectException(refusal(ErrorCode.SUBSCRIPTION_ACTIVE))
                .expectNoEvents();
    }

    private static PlanChanged proBy(PaymentProvider provider) {
        return new PlanChanged(ADA, null, Plan.PRO, Plan.PRO.dailyLimits(), provider, null, NOW);
    }

    @Test
    void refusesAnOperatorChangingTheirOwnRole() {
        fixture.given(REGISTERED)
                .when(new ChangeRole(ADA, Role.ADMIN, ADA, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void anOperatorDeactivatesAnAccount() {
        fixture.given(REGISTERED)
                .when(new DeactivateUser(ADA, OPERATOR, NOW))
                .expectResultMessagePayload(true)
                .expectEvents(DEACTIVATED);
    }

    @Test
    void deactivatingTwiceChangesNothing() {
        fixture.given(REGISTERED, DEACTIVATED)
                .when(new DeactivateUser(ADA, OPERATOR, NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aDeactivatedAccountRefusesAPasswordChange() {
        fixture.given(REGISTERED, DEACTIVATED)
                .when(new ChangePassword(ADA, NEW_HASH, NOW))
                .expectException(refusal(ErrorCode.ACCOUNT_DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void aDeactivatedAccountGetsNoResetLink() {
        fixture.given(REGISTERED, DEACTIVATED)
                .when(new RequestPasswordReset("ada@example.com", TOKEN_HASH, EXPIRES, NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void anOperatorCannotDeactivateThemself() {
        fixture.given(REGISTERED)
                .when(new DeactivateUser(ADA, ADA, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    /** A repository interface answering the named single-argument methods, and nothing else. */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, java.util.function.Function<Object, Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            var answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.getName() + " is not expected in this test");
            }
            return answer.apply(args[0]);
        });
    }
}
