package com.flowmatik.query.admin;

import java.time.Instant;
import java.util.List;

/** One page of users; {@code total} counts every user the search matches. */
public record UserPage(List<AdminUser> items, int page, int size, long total) {

    /**
     * A user with their plan, whether they may sign in ({@code active} or {@code deactivated}), today's
     * AI use and how many working API keys they hold.
     */
    public record AdminUser(
            String id,
            String email,
            String name,
            String role,
            String plan,
            String status,
            Instant createdAt,
            Today today,
            long apiKeys) {}

    /** AI use of the day asked. */
    public record Today(long requests, long tokens, long costMicros) {

        static final Today NONE = new Today(0, 0, 0);
    }
}
