package com.flowmatik.command.identity;

import static com.flowmatik.command.Refusals.refusal;

import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.ApiKeyRevoked;
import com.flowmatik.api.identity.ChangePlan;
import com.flowmatik.api.identity.CreateApiKey;
import com.flowmatik.api.identity.DeactivateUser;
import com.flowmatik.api.identity.PlanChanged;
import com.flowmatik.api.identity.RevokeApiKey;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.RoleChanged;
import com.flowmatik.api.identity.UserDeactivated;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a user's API keys: a paid plan's feature, owned by the account, ended with it. */
class ApiKeysTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId OPERATOR = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final String HASH = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";
    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
    private static final UserRegistered REGISTERED = new UserRegistered(
            ADA,
            "ada@example.com",
            "Ada",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            Role.USER,
            NOW.minusSeconds(3600));
    private static final PlanChanged ON_STARTER =
            new PlanChanged(ADA, null, Plan.STARTER, Plan.STARTER.dailyLimits(), PaymentProvider.STRIPE, null, NOW);
    private static final RoleChanged ON_A_PAID_PLAN = new RoleChanged(ADA, Role.PREMIUM, null, NOW);
    private static final ApiKeyCreated KEY_1 = new ApiKeyCreated(ADA, "key-1", "CI", "fmk_AbCd", HASH, NOW);
    private static final ApiKeyCreated KEY_2 = new ApiKeyCreated(ADA, "key-2", "Agent", "fmk_EfGh", HASH + "2", NOW);

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    @Test
    void aPaidPlanMakesANamedKeyRecordedOnlyByItsHash() {
        fixture.given(REGISTERED, ON_A_PAID_PLAN)
                .when(new CreateApiKey(ADA, "key-1", "  CI ", "fmk_AbCd", HASH, NOW))
                .expectEvents(KEY_1);
    }

    @Test
    void refusesAKeyOnTheFreePlan() {
        fixture.given(REGISTERED)
                .when(new CreateApiKey(ADA, "key-1", "CI", "fmk_AbCd", HASH, NOW))
                .expectException(refusal(ErrorCode.PLAN_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void anOperatorMayHoldKeys() {
        fixture.given(REGISTERED, new RoleChanged(ADA, Role.ADMIN, OPERATOR, NOW))
                .when(new CreateApiKey(ADA, "key-1", "CI", "fmk_AbCd", HASH, NOW))
                .expectEvents(KEY_1);
    }

    @Test
    void refusesAKeyWithoutAName() {
        fixture.given(REGISTERED, ON_A_PAID_PLAN)
                .when(new CreateApiKey(ADA, "key-1", "  ", "fmk_AbCd", HASH, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void refusesAKeyForADeactivatedAccount() {
        fixture.given(REGISTERED, ON_A_PAID_PLAN, new UserDeactivated(ADA, OPERATOR, NOW))
                .when(new CreateApiKey(ADA, "key-1", "CI", "fmk_AbCd", HASH, NOW))
                .expectException(refusal(ErrorCode.ACCOUNT_DEACTIVATED))
                .expectNoEvents();
    }

    @Test
    void refusesMoreKeysThanAnAccountMayHold() {
        List<Object> history = aPaidAccountWithAsManyKeysAsItMayHold();
        fixture.given(history)
                .when(new CreateApiKey(ADA, "one-more", "CI", "fmk_AbCd", HASH, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void aRevokedKeyLeavesRoomForANewOne() {
        List<Object> history = aPaidAccountWithAsManyKeysAsItMayHold();
        history.add(new ApiKeyRevoked(ADA, "key-0", ApiKeyRevoked.BY_USER, NOW));
        fixture.given(history)
                .when(new CreateApiKey(ADA, "key-1b", "CI", "fmk_AbCd", HASH, NOW))
                .expectEvents(new ApiKeyCreated(ADA, "key-1b", "CI", "fmk_AbCd", HASH, NOW));
    }

    @Test
    void theOwnerRevokesTheirKey() {
        fixture.given(REGISTERED, ON_A_PAID_PLAN, KEY_1)
                .when(new RevokeApiKey(ADA, "key-1", NOW))
                .expectEvents(new ApiKeyRevoked(ADA, "key-1", ApiKeyRevoked.BY_USER, NOW));
    }

    @Test
    void aKeyTheAccountDoesNotHoldIsNotFound() {
        fixture.given(REGISTERED, ON_A_PAID_PLAN, KEY_1)
                .when(new RevokeApiKey(ADA, "someone-elses-key", NOW))
                .expectException(refusal(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aRevokedKeyCannotBeRevokedAgain() {
        fixture.given(REGISTERED, ON_A_PAID_PLAN, KEY_1, new ApiKeyRevoked(ADA, "key-1", ApiKeyRevoked.BY_USER, NOW))
                .when(new RevokeApiKey(ADA, "key-1", NOW))
                .expectException(refusal(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aPlanRecordedAsPaidMakesAKey() {
        fixture.given(REGISTERED, ON_STARTER, ON_A_PAID_PLAN)
                .when(new CreateApiKey(ADA, "key-1", "CI", "fmk_AbCd", HASH, NOW))
                .expectEvents(KEY_1);
    }

    @Test
    void theFreePlanRevokesEveryKey() {
        fixture.given(REGISTERED, ON_STARTER, ON_A_PAID_PLAN, KEY_1, KEY_2)
                .when(new ChangePlan(ADA, Plan.FREE, PaymentProvider.STRIPE, null, NOW))
                .expectResultMessagePayload(true)
                .expectEvents(
                        new PlanChanged(
                                ADA,
                                Plan.STARTER,
                                Plan.FREE,
                                Plan.FREE.dailyLimits(),
                                PaymentProvider.STRIPE,
                                null,
                                NOW),
                        new RoleChanged(ADA, Role.USER, null, NOW),
                        new ApiKeyRevoked(ADA, "key-1", ApiKeyRevoked.PLAN_DOWNGRADED, NOW),
                        new ApiKeyRevoked(ADA, "key-2", ApiKeyRevoked.PLAN_DOWNGRADED, NOW));
    }

    @Test
    void anotherPaidPlanKeepsTheKeys() {
        fixture.given(REGISTERED, ON_STARTER, ON_A_PAID_PLAN, KEY_1)
                .when(new ChangePlan(ADA, Plan.BUSINESS, PaymentProvider.STRIPE, null, NOW))
                .expectEvents(new PlanChanged(
                        ADA,
                        Plan.STARTER,
                        Plan.BUSINESS,
                        Plan.BUSINESS.dailyLimits(),
                        PaymentProvider.STRIPE,
                        null,
                        NOW));
    }

    @Test
    void deactivationRevokesEveryKey() {
        fixture.given(
                        REGISTERED,
                        ON_A_PAID_PLAN,
                        KEY_1,
                        KEY_2,
                        new ApiKeyRevoked(ADA, "key-1", ApiKeyRevoked.BY_USER, NOW))
                .when(new DeactivateUser(ADA, OPERATOR, NOW))
                .expectEvents(
                        new UserDeactivated(ADA, OPERATOR, NOW),
                        new ApiKeyRevoked(ADA, "key-2", ApiKeyRevoked.DEACTIVATED, NOW));
    }

    private static List<Object> aPaidAccountWithAsManyKeysAsItMayHold() {
        List<Object> history = new ArrayList<>(List.of(REGISTERED, ON_A_PAID_PLAN));
        for (int i = 0; i < UserAccount.MAX_API_KEYS; i++) {
            history.add(new ApiKeyCreated(ADA, "key-" + i, "key " + i, "fmk_" + i, HASH + i, NOW));
        }
        return history;
    }
}
