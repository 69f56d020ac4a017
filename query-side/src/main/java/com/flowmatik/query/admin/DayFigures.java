package com.flowmatik.query.admin;

import java.time.LocalDate;

/**
 * One UTC day of the business: AI requests started, tokens charged and their cost, revenue collected
 * and users who signed up that day, and the MRR of the subscriptions live at its end (in the plans'
 * currency, at the plans' current prices, as the dashboard's MRR).
 */
public record DayFigures(
        LocalDate date, long requests, long tokens, long costMicros, long revenueCents, long newUsers, long mrrCents) {}
