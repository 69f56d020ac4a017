package com.flowmatik.query.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flowmatik.api.identity.AccountStatus;
import com.flowmatik.api.identity.Credentials;
import com.flowmatik.api.identity.FindAccountStatus;
import com.flowmatik.api.identity.FindCredentials;
import com.flowmatik.api.identity.FindUser;
import com.flowmatik.api.identity.PasswordChanged;
import com.flowmatik.api.identity.PasswordReset;
import com.flowmatik.api.identity.ProfileUpdated;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.RoleChanged;
import com.flowmatik.api.identity.UserDeactivated;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.identity.UserView;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.usage.DailyLimitsChanged;
import com.flowmatik.query.Deliveries;
import com.flowmatik.query.ProjectionTest;
import com.flowmatik.query.Tables;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The users table: an account as sign-in and profiles see it, each event taken in once. */
@ProjectionTest(UsersProjection.class)
class UsersProjectionTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId OPERATOR = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final UserRegistered REGISTERED =
            new UserRegistered(ADA, "ada@example.com", "Ada", "$2a$10$first", Role.USER, T0);

    @Autowired
    UsersProjection projection;

    @Autowired
    Deliveries deliveries;

    @Autowired
    Tables tables;

    private Deliveries.Aggregate account;
    private Deliveries.Aggregate usage;

    @BeforeEach
    void setUp() {
        account = deliveries.of("UserAccount", ADA.value());
        usage = deliveries.of("UsageAccount", ADA.value());
    }

    @Test
    void aRegisteredUserIsAnActiveFreeAccountFoundByIdAndByEmailInAnyCase() {
        deliveries.deliver(projection, account.next(REGISTERED));

        assertThat(projection.handle(new FindUser(ADA)))
                .contains(new UserView(ADA, "ada@example.com", "Ada", Role.USER, Plan.FREE, true, T0, T0));
        assertThat(projection.handle(FindCredentials.byEmail(" Ada@Example.COM ")))
                .contains(new Credentials(ADA, "$2a$10$first", Role.USER, true, 0));
        assertThat(projection.handle(new FindAccountStatus(ADA))).contains(new AccountStatus(ADA, Role.USER, true, 0));
        assertThat(projection.handle(new FindUser(OPERATOR))).isEmpty();
    }

    @Test
    void everyPasswordChangeOrResetReplacesTheHashAndRaisesTheCredentialsVersion() {
        deliveries.deliver(
                projection,
                account.next(REGISTERED),
                account.next(new PasswordChanged(ADA, "$2a$10$second", T0.plusSeconds(60))),
                account.next(new PasswordReset(ADA, "$2a$10$third", T0.plusSeconds(120))));

        assertThat(projection.handle(FindCredentials.byUserId(ADA)))
                .contains(new Credentials(ADA, "$2a$10$third", Role.USER, true, 2));
        assertThat(projection.handle(new FindUser(ADA)))
                .map(UserView::updatedAt)
                .contains(T0.plusSeconds(120));
    }

    @Test
    void aPasswordChangeDeliveredAgainRaisesTheCredentialsVersionOnce() {
        deliveries.deliver(projection, account.next(REGISTERED));

        deliveries.deliverTwice(
                projection, account.next(new PasswordChanged(ADA, "$2a$10$second", T0.plusSeconds(60))));

        assertThat(projection.handle(new FindAccountStatus(ADA)))
                .map(AccountStatus::credentialsVersion)
                .contains(1);
    }

    @Test
    void theProfileTheRoleAndADeactivationShowInTheViewAndTheAccountStatus() {
        deliveries.deliver(
                projection,
                account.next(REGISTERED),
                account.next(new ProfileUpdated(ADA, "Ada Lovelace", T0.plusSeconds(1))),
                account.next(new RoleChanged(ADA, Role.ADMIN, OPERATOR, T0.plusSeconds(2))),
                account.next(new UserDeactivated(ADA, OPERATOR, T0.plusSeconds(3))));

        assertThat(projection.handle(new FindUser(ADA)))
                .contains(new UserView(
                        ADA, "ada@example.com", "Ada Lovelace", Role.ADMIN, Plan.FREE, false, T0, T0.plusSeconds(3)));
        assertThat(projection.handle(new FindAccountStatus(ADA)))
                .contains(new AccountStatus(ADA, Role.ADMIN, false, 0));
    }

    @Test
    void aPlanChangeOfTheUsageAccountShowsThoughItsStreamIsNumberedApart() {
        deliveries.deliver(
                projection,
                account.next(REGISTERED),
                account.next(new ProfileUpdated(ADA, "Ada Lovelace", T0.plusSeconds(1))),
                usage.next(new DailyLimitsChanged(ADA, Plan.PRO, Plan.PRO.dailyLimits(), T0.plusSeconds(2))));

        assertThat(projection.handle(new FindUser(ADA))).map(UserView::plan).contains(Plan.PRO);
    }

    @Test
    void anyTailOfAnAccountsHistoryDeliveredAgainLeavesTheSameRow() {
        TrackedEventMessage<?>[] history = {
            account.next(REGISTERED),
            account.next(new PasswordChanged(ADA, "$2a$10$second", T0.plusSeconds(60))),
            usage.next(new DailyLimitsChanged(ADA, Plan.PRO, Plan.PRO.dailyLimits(), T0.plusSeconds(70))),
            account.next(new ProfileUpdated(ADA, "Ada Lovelace", T0.plusSeconds(80))),
            account.next(new PasswordReset(ADA, "$2a$10$third", T0.plusSeconds(120))),
            account.next(new RoleChanged(ADA, Role.PREMIUM, OPERATOR, T0.plusSeconds(130))),
            account.next(new UserDeactivated(ADA, OPERATOR, T0.plusSeconds(140)))
        };

        deliveries.assertEveryRedeliveryChangesNothing(projection, () -> tables.rows("users"), history);

        Optional<Credentials> credentials = projection.handle(FindCredentials.byUserId(ADA));
        assertThat(credentials).contains(new Credentials(ADA, "$2a$10$third", Role.PREMIUM, false, 2));
    }

    @Test
    void aChangeToAUserTheTableDoesNotHaveFailsTheBatchSoTheProjectionIsReplayed() {
        TrackedEventMessage<?> orphan = account.next(new ProfileUpdated(ADA, "Ada", T0));

        assertThatThrownBy(() -> deliveries.deliver(projection, orphan))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("users has no row for " + ADA + "; replay the projection");
    }

    @Test
    void aResetEmptiesTheTable() {
        deliveries.deliver(projection, account.next(REGISTERED));

        deliveries.reset(projection);

        assertThat(tables.count("users")).isZero();
        assertThat(projection.handle(new FindUser(ADA))).isEmpty();
    }
}
