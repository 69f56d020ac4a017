package com.flowmatik.app.audit;

import java.util.Map;

/**
 * What the listed events add up to. Money in minor units per currency; AI cost in micro-dollars;
 * {@code plan} is the plan whose daily limits applied at the instant.
 */
public record BillingTotals(
        long requests,
        long failedRequests,
        long promptTokens,
        long completionTokens,
        long aiCostMicros,
        long quotaRefusals,
        long invoicesIssued,
        Map<String, Long> invoicedTotal,
        Map<String, Long> paidTotal,
        long failedPayments,
        String plan) {}
