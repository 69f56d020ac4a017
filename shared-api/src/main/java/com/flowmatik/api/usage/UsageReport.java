package com.flowmatik.api.usage;

import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.plan.Plan;
import java.util.List;

/** A user's plan, its daily limits, today's usage, and the usage of each day asked for (oldest first). */
public record UsageReport(Plan plan, DailyLimits limits, DailyUsage today, List<DailyUsage> daily) {}
