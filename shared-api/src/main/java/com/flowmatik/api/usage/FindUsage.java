package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.LocalDate;

/** Finds a user's AI usage: today's totals against the limits, and each day from {@code from} to {@code to}. */
public record FindUsage(UserId userId, LocalDate from, LocalDate to, LocalDate today) {}
