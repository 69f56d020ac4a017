package com.flowmatik.app.admin;

import com.flowmatik.api.identity.ChangeRole;
import com.flowmatik.api.identity.DeactivateUser;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.identity.ApplyPlanRole;
import com.flowmatik.api.usage.ChangeDailyLimits;
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
        Boolean changed = commands.sendAndWait(
                new ChangeRole(user, Role.fromWireName(request.role()), operator.userId(), now));
        return UserResponse.from(users.afterCommand(user, now, changed));
    }

    /** Until payments change plans, operators do: the user's daily limits follow at their next request. */
    @PutMapping("/plan")
    UserResponse changePlan(@PathVariable String userId, @Valid @RequestBody PlanRequest request) {
        UserId user = UserId.of(userId);
        users.find(user).orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No such user"));
        Plan plan = Plan.fromWireName(request.plan());
        Instant now = clock.instant();
        // the role follows the plan (premium for a paid one) as it does when a payment changes it; first,
        // so that once the read model shows the new limits (the later change) it shows both
        Boolean roleChanged = commands.sendAndWait(new ApplyPlanRole(user, plan, now));
        Instant limitsAt = clock.instant();
        Boolean limitsChanged = commands.sendAndWait(new ChangeDailyLimits(user, plan, plan.dailyLimits(), limitsAt));
        return UserResponse.from(limitsChanged
                ? users.afterCommand(user, limitsAt, true)
                : users.afterCommand(user, now, roleChanged));
    }

    @PostMapping("/deactivate")
    UserResponse deactivate(@AuthenticationPrincipal AuthenticatedUser operator, @PathVariable String userId) {
        UserId user = UserId.of(userId);
        Instant now = clock.instant();
        Boolean changed = commands.sendAndWait(new DeactivateUser(user, operator.userId(), now));
        return UserResponse.from(users.afterCommand(user, now, changed));
    }
}
