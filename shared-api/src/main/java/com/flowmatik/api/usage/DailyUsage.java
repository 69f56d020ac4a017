package com.flowmatik.api.usage;

import java.time.LocalDate;

/** One UTC day of a user's AI usage, all models together. */
public record DailyUsage(LocalDate date, long requests, long promptTokens, long completionTokens, long costMicros) {

    public long tokens() {
        return promptTokens + completionTokens;
    }
}
