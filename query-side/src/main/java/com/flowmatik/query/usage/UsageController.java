package com.flowmatik.query.usage;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.DailyUsage;
import com.flowmatik.api.usage.FindUsage;
import com.flowmatik.api.usage.UsageReport;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/ai/usage}: the caller's plan, today's use against its limits, and daily history. */
@RestController
class UsageController {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final QueryGateway queries;
    private final Clock clock;

    UsageController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/ai/usage")
    UsageResponse usage(
            Principal caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate until = to == null ? today : to;
        LocalDate since = from == null ? until.minusDays(DEFAULT_DAYS - 1) : from;
        if (since.isAfter(until) || ChronoUnit.DAYS.between(since, until) >= MAX_DAYS) {
            throw new ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    "from must be on or before to, at most 366 days apart");
        }
        UsageReport report = queries.query(
                        new FindUsage(UserId.of(caller.getName()), since, until, today),
                        ResponseTypes.instanceOf(UsageReport.class))
                .join();
        return UsageResponse.from(report);
    }

    /** The answer of API.md: {@code null} limits are unlimited. */
    record UsageResponse(String plan, Today today, List<Day> daily) {

        static UsageResponse from(UsageReport report) {
            DailyUsage today = report.today();
            return new UsageResponse(
                    report.plan().wireName(),
                    new Today(
                            today.requests(),
                            today.tokens(),
                            report.limits().requestsPerDay(),
                            report.limits().tokensPerDay(),
                            today.costMicros()),
                    report.daily().stream()
                            .map(day -> new Day(
                                    day.date(),
                                    day.requests(),
                                    day.promptTokens(),
                                    day.completionTokens(),
                                    day.costMicros()))
                            .toList());
        }
    }

    record Today(long requests, long tokens, Long requestLimit, Long tokenLimit, long costMicros) {}

    record Day(LocalDate date, long requests, long promptTokens, long completionTokens, long costMicros) {}
}
