package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An AI request was refused before any provider was called: a daily limit was reached. */
@Revision("1")
public record DailyQuotaExceeded(
        UserId userId,
        String requestId,
        String model,
        QuotaLimit limit,
        long limitValue,
        long used,
        Instant refusedAt,
        Instant resetsAt) {}
