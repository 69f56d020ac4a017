package com.flowmatik.app.audit;

import com.flowmatik.api.payment.InvoiceIssued;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.PaymentSucceeded;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.usage.AiRequestFailed;
import com.flowmatik.api.usage.AiRequestNotServed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.DailyLimitsChanged;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.api.usage.UsageRecorded;
import java.util.Map;
import java.util.TreeMap;

/** Adds up billing events in the order they happened. */
final class Totals {

    private long requests;
    private long failedRequests;
    private long promptTokens;
    private long completionTokens;
    private long aiCostMicros;
    private long quotaRefusals;
    private long invoicesIssued;
    private final Map<String, Long> invoiced = new TreeMap<>();
    private final Map<String, Long> paid = new TreeMap<>();
    private long failedPayments;
    private Plan plan = Plan.FREE;

    void add(Object event) {
        if (event instanceof AiRequestStarted) {
            requests++;
        } else if (event instanceof AiRequestFailed) {
            failedRequests++;
        } else if (event instanceof AiRequestNotServed) {
            requests--;
        } else if (event instanceof TokensCharged charged) {
            promptTokens += charged.promptTokens();
            completionTokens += charged.completionTokens();
            aiCostMicros += charged.costMicros();
        } else if (event instanceof UsageRecorded recorded) {
            for (RecordedUsage item : recorded.items()) {
                requests++;
                promptTokens += item.promptTokens();
                completionTokens += item.completionTokens();
                aiCostMicros += item.costMicros();
            }
        } else if (event instanceof DailyQuotaExceeded) {
            quotaRefusals++;
        } else if (event instanceof DailyLimitsChanged changed) {
            plan = changed.plan();
        } else if (event instanceof InvoiceIssued issued) {
            invoicesIssued++;
            add(invoiced, issued.total());
        } else if (event instanceof PaymentSucceeded succeeded) {
            add(paid, succeeded.amount());
        } else if (event instanceof PaymentFailed) {
            failedPayments++;
        }
    }

    BillingTotals result() {
        return new BillingTotals(
                requests,
                failedRequests,
                promptTokens,
                completionTokens,
                aiCostMicros,
                quotaRefusals,
                invoicesIssued,
                new TreeMap<>(invoiced),
                new TreeMap<>(paid),
                failedPayments,
                plan.wireName());
    }

    private static void add(Map<String, Long> totals, Money money) {
        if (money != null) {
            totals.merge(money.currency(), money.amount(), Long::sum);
        }
    }
}
