package com.flowmatik.app.audit;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.app.security.AuthenticatedUser;
import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billing history as of an instant ({@code ?asOf=2026-03-01T00:00:00Z}, now when absent): any user's
 * for operators, the caller's own for everyone else.
 */
@RestController
class BillingHistoryController {

    private final BillingHistory history;
    private final Clock clock;

    BillingHistoryController(BillingHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/api/admin/audit/users/{userId}/billing-history")
    BillingHistoryView ofUser(
            @PathVariable String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        UserId user = UserId.of(userId);
        if (!history.knows(user)) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "No such user");
        }
        return history.of(user, asOf == null ? clock.instant() : asOf);
    }

    @GetMapping("/api/payments/billing-history")
    BillingHistoryView own(
            @AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return history.of(caller.userId(), asOf == null ? clock.instant() : asOf);
    }
}
