package com.flowmatik.app.audit;

import java.time.Instant;
import java.util.List;

/** A user's billing events up to {@code asOf}, oldest first, and their totals. */
public record BillingHistoryView(String userId, Instant asOf, List<BillingEvent> events, BillingTotals totals) {}
