package com.flowmatik.api.plan;

import com.flowmatik.api.identity.Role;
import java.util.Locale;

/**
 * The plans of the product and what each grants: the daily AI limits and the role. Every new user
 * starts on {@link #FREE}; {@link #BUSINESS} is unlimited. This is the one place a plan's
 * entitlements are written down.
 */
public enum Plan {
    FREE(new DailyLimits(100L, 50_000L)),
    STARTER(new DailyLimits(1_000L, 500_000L)),
    PRO(new DailyLimits(10_000L, 5_000_000L)),
    BUSINESS(DailyLimits.unlimited());

    private final DailyLimits dailyLimits;

    Plan(DailyLimits dailyLimits) {
        this.dailyLimits = dailyLimits;
    }

    public DailyLimits dailyLimits() {
        return dailyLimits;
    }

    /** The role the plan gives: {@code premium} for a paid plan, {@code user} for the free one. */
    public Role role() {
        return this == FREE ? Role.USER : Role.PREMIUM;
    }

    /** The lower-case name the HTTP API uses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Plan fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
