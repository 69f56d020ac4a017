package com.flowmatik.query.admin;

import com.flowmatik.api.plan.Plan;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The admin-metrics rows summed per day, for the daily series; and the users per plan, for the plan mix. */
interface DailyTotals extends Repository<UserDayRow, UserDayRow.Key> {

    @Query("select d.date as date, sum(d.requests) as requests, sum(d.tokens) as tokens,"
            + " sum(d.aiCostMicros) as costMicros, sum(case when d.registered = true then 1 else 0 end) as newUsers"
            + " from UserDayRow d where d.date between :from and :to group by d.date")
    List<Usage> usage(LocalDate from, LocalDate to);

    @Query("select r.paidDate as date, sum(r.amount) as amount from RevenueRow r"
            + " where r.currency = :currency and r.paidDate between :from and :to group by r.paidDate")
    List<Revenue> revenue(String currency, LocalDate from, LocalDate to);

    @Query("select u.plan as plan, count(u) as users from UserRow u group by u.plan")
    List<PlanUsers> usersByPlan();

    interface Usage {
        LocalDate getDate();

        long getRequests();

        long getTokens();

        long getCostMicros();

        long getNewUsers();
    }

    interface PlanUsers {
        Plan getPlan();

        long getUsers();
    }

    interface Revenue {
        LocalDate getDate();

        long getAmount();
    }
}
