package com.flowmatik.query.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/admin/dashboard} and {@code GET /api/admin/users} (operators only, by the security rules). */
@RestController
class AdminAnalyticsController {

    static final int MAX_PAGE_SIZE = 100;

    private final QueryGateway queries;
    private final Clock clock;

    AdminAnalyticsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/admin/dashboard")
    Dashboard dashboard() {
        return queries.query(new FindDashboard(clock.instant()), ResponseTypes.instanceOf(Dashboard.class))
                .join();
    }

    @GetMapping("/api/admin/users")
    UserPage users(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String q) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "page must be 0 or more, size from 1 to " + MAX_PAGE_SIZE);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return queries.query(new FindUserPage(q, page, size, today), ResponseTypes.instanceOf(UserPage.class))
                .join();
    }
}
