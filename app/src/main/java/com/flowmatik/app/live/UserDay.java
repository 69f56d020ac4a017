package com.flowmatik.app.live;

import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.usage.QuotaLimit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One user's AI usage of one UTC day as this instance counted it, their limits once known, and the
 * thresholds they were already told about, so that each is announced once a day.
 */
final class UserDay {

    static final int WARNING_PERCENT = 80;
    static final int REACHED_PERCENT = 100;

    /** A limit the user has just reached {@code percent} of. */
    record Crossing(QuotaLimit limit, int percent, long used, long limitValue) {}

    private final LocalDate date;
    private final Set<String> announced = new HashSet<>();
    private DailyLimits limits;
    private long requests;
    private long tokens;
    private String lastCounted;

    UserDay(LocalDate date, DailyLimits limits) {
        this.date = date;
        this.limits = limits;
    }

    LocalDate date() {
        return date;
    }

    synchronized DailyLimits limits() {
        return limits;
    }

    synchronized void limits(DailyLimits current) {
        limits = current;
    }

    /**
     * Counts an event once: the counting and the notifying handlers both see it, in either order.
     * Answers false when it was counted already.
     */
    synchronized boolean count(String eventId, long addRequests, long addTokens) {
        if (eventId.equals(lastCounted)) {
            return false;
        }
        lastCounted = eventId;
        requests += addRequests;
        tokens += addTokens;
        return true;
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long tokens() {
        return tokens;
    }

    /** The thresholds reached and not announced yet; announcing 100% of a limit also covers its 80%. */
    synchronized List<Crossing> newCrossings() {
        List<Crossing> crossings = new ArrayList<>();
        if (limits == null) {
            return crossings;
        }
        check(QuotaLimit.REQUESTS, requests, limits.requestsPerDay(), crossings);
        check(QuotaLimit.TOKENS, tokens, limits.tokensPerDay(), crossings);
        return crossings;
    }

    /** Marks the limit as reached (a refused request said so); answers whether that is news. */
    synchronized boolean reached(QuotaLimit limit, long limitValue) {
        announce(limit, WARNING_PERCENT, limitValue);
        return announce(limit, REACHED_PERCENT, limitValue);
    }

    private void check(QuotaLimit limit, long used, Long limitValue, List<Crossing> crossings) {
        if (limitValue == null || limitValue <= 0) {
            return;
        }
        if (used >= limitValue) {
            if (reached(limit, limitValue)) {
                crossings.add(new Crossing(limit, REACHED_PERCENT, used, limitValue));
            }
        } else if (used * 100 >= limitValue * WARNING_PERCENT && announce(limit, WARNING_PERCENT, limitValue)) {
            crossings.add(new Crossing(limit, WARNING_PERCENT, used, limitValue));
        }
    }

    /** Keyed by the limit's value too: a new plan's limits can be announced again. */
    private boolean announce(QuotaLimit limit, int percent, long limitValue) {
        return announced.add(limit + "/" + percent + "/" + limitValue);
    }
}
