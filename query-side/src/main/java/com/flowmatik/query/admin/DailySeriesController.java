package com.flowmatik.query.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/admin/dashboard/daily?days=30}, the days up to today, and {@code GET
 * /api/admin/dashboard/plans}, the plan mix (operators only, by the security rules).
 */
@RestController
class DailySeriesController {

    static final int MAX_DAYS = 366;

    private final QueryGateway queries;
    private final Clock clock;

    DailySeriesController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/admin/dashboard/daily")
    List<DayFigures> daily(@RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days must be from 1 to " + MAX_DAYS);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return queries.query(new FindDailySeries(today, days), ResponseTypes.multipleInstancesOf(DayFigures.class))
                .join();
    }

    @GetMapping("/api/admin/dashboard/plans")
    List<PlanShare> plans() {
        return queries.query(new FindPlanMix(), ResponseTypes.multipleInstancesOf(PlanShare.class))
                .join();
    }
}
