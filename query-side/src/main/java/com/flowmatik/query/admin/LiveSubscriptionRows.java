package com.flowmatik.query.admin;

import com.flowmatik.api.plan.Plan;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LiveSubscriptionRows extends JpaRepository<LiveSubscriptionRow, String> {

    @Query("select s.plan as plan, count(s) as count from LiveSubscriptionRow s where s.live = true group by s.plan")
    List<PlanCount> countLiveByPlan();

    /** How many live subscriptions one plan has. */
    interface PlanCount {
        Plan getPlan();

        long getCount();
    }
}
