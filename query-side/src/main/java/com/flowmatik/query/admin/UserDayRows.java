package com.flowmatik.query.admin;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserDayRows extends JpaRepository<UserDayRow, UserDayRow.Key> {

    /** Everyone's counts of the days from {@code from} to {@code to}, both included. */
    @Query("select sum(d.requests) as requests, sum(d.tokens) as tokens, sum(d.aiCostMicros) as aiCostMicros,"
            + " sum(case when d.registered = true then 1 else 0 end) as newUsers,"
            + " sum(d.quotaRefusals) as quotaRefusals, sum(d.failedPayments) as failedPayments"
            + " from UserDayRow d where d.date between :from and :to")
    Totals totals(LocalDate from, LocalDate to);

    /** Users who started at least one AI request on a day from {@code from} to {@code to}. */
    @Query("select count(distinct d.userId) from UserDayRow d where d.date between :from and :to and d.requests > 0")
    long countActiveUsers(LocalDate from, LocalDate to);

    /** Sums over the days asked; {@code null} when no user did anything then. */
    interface Totals {
        Long getRequests();

        Long getTokens();

        Long getAiCostMicros();

        Long getNewUsers();

        Long getQuotaRefusals();

        Long getFailedPayments();
    }
}
