package com.flowmatik.app.admin;

import com.flowmatik.api.identity.ChangePlan;
import com.flowmatik.api.identity.ChangeRole;
import com.flowmatik.api.identity.DeactivateUser;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.app.auth.UserDirectory;
import com.flowmatik.app.auth.UserResponse;
import com.flowmatik.app.security.AuthenticatedUser;
import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators change a user's role or plan, or close their access. */
@RestController
@RequestMapping("/api/admin/users/{userId}")
class UserAdministrationController {

    private final CommandGateway commands;
    private final UserDirectory users;
    private final Clock clock;

    UserAdministrationController(CommandGateway commands, UserDirectory users, Clock clock) {
        this.commands = commands;
        this.users = users;
        this.clock = clock;
    }

    @PutMapping("/role")
    UserResponse changeRole(
            @AuthenticationPrincipal AuthenticatedUser operator,
            @PathVariable String userId,
            @Valid @RequestBody RoleRequest request) {
        UserId user = UserId.of(userId);
        Instant now = clock.instant();
        Boolean changed =
                commands.sendAndWait(new ChangeRole(user, Role.fromWireName(request.role()), operator.userId(), now));
        return UserResponse.from(users.afterCommand(user, now, changed));
    }

    /**
     * Puts the user on a plan that no provider bills ({@code manual}): the account gives the plan's
     * role and limits, as a payment would, and the subscription view shows it. A plan a provider bills
     * is refused here (409): it changes at the provider.
     */
    @PutMapping("/plan")
    UserResponse changePlan(
            @AuthenticationPrincipal AuthenticatedUser operator,
            @PathVariable String userId,
            @Valid @RequestBody PlanRequest request) {
        UserId user = UserId.of(userId);
        users.find(user).orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No such user"));
        Plan plan = Plan.fromWireName(request.plan());
        commands.sendAndWait(new ChangePlan(user, plan, PaymentProvider.MANUAL, operator.userId(), clock.instant()));
        // the account's events and the usage account's limits reach the users row one after the other
        return UserResponse.from(users.awaitView(
                user, view -> view.plan() == plan && (view.role() == plan.role() || view.role() == Role.ADMIN)));
    }

    @PostMapping("/deactivate")
    UserResponse deactivate(@AuthenticationPrincipal AuthenticatedUser operator, @PathVariable String userId) {
        UserId user = UserId.of(userId);
        Instant now = clock.instant();
        Boolean changed = commands.sendAndWait(new DeactivateUser(user, operator.userId(), now));
        return UserResponse.from(users.afterCommand(user, now, changed));
    }
}
