package com.flowmatik.command.ai;

import com.flowmatik.api.usage.QuotaDecision;

/** The user's daily quota refused an AI request; no provider was called. Answered with 429. */
public class QuotaExceeded extends RuntimeException {

    private final QuotaDecision decision;

    public QuotaExceeded(QuotaDecision decision) {
        super("The daily " + decision.limit().name().toLowerCase(java.util.Locale.ROOT) + " limit of "
                + decision.limitValue() + " is reached; it resets at " + decision.resetsAt());
        this.decision = decision;
    }

    public QuotaDecision decision() {
        return decision;
    }
}
