package com.flowmatik.app.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Password guessing per account, whichever addresses it comes from (the rate limits count per
 * address): after {@value #FREE_FAILURES} failures in a row each further failure holds the account's
 * sign-ins back for twice as long as the last, from 2 s up to {@link #MAX_BACKOFF}, before its password
 * is even checked. Failures are forgotten after {@link #FORGET_AFTER} or at a successful sign-in.
 *
 * <p>It cannot become a permanent lock-out of the real user: an address the account signed in from
 * within {@link #TRUST_FOR} is never held back by the account's backoff (only by its own rate limit),
 * and from anywhere else the wait is at most {@link #MAX_BACKOFF}. The state is in the database,
 * so every instance holds back alike and a restart forgives nothing. An address that has no account
 * is counted the same way, so the answer says nothing about which addresses have one.
 */
@Component
class SignInGuard {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    static final Duration TRUST_FOR = Duration.ofDays(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SignInGuard(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long the account's sign-ins from this address are held back; empty when they may go ahead. */
    Optional<Duration> heldBack(String email, String address) {
        Instant now = clock.instant();
        List<Instant> blockedUntil = jdbc.query(
                "SELECT blocked_until FROM sign_in_failure WHERE account = ? AND blocked_until > ?",
                (row, n) -> row.getTimestamp(1).toInstant(),
                account(email),
                Timestamp.from(now));
        if (blockedUntil.isEmpty() || trusted(account(email), address, now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, blockedUntil.get(0)));
    }

    void failed(String email) {
        String account = account(email);
        Instant now = clock.instant();
        List<Integer> earlier = jdbc.query(
                "SELECT failures FROM sign_in_failure WHERE account = ? AND last_failed_at > ?",
                (row, n) -> row.getInt(1),
                account,
                Timestamp.from(now.minus(FORGET_AFTER)));
        int failures = earlier.isEmpty() ? 1 : earlier.get(0) + 1;
        Timestamp blockedUntil = failures > FREE_FAILURES ? Timestamp.from(now.plus(backoff(failures))) : null;
        int updated = jdbc.update(
                "UPDATE sign_in_failure SET failures = ?, last_failed_at = ?, blocked_until = ? WHERE account = ?",
                failures,
                Timestamp.from(now),
                blockedUntil,
                account);
        if (updated == 0) {
            try {
                jdbc.update(
                        "INSERT INTO sign_in_failure (account, failures, last_failed_at, blocked_until) VALUES (?, ?, ?, ?)",
                        account,
                        failures,
                        Timestamp.from(now),
                        blockedUntil);
            } catch (DuplicateKeyException concurrentFailure) {
                // another failure of the same account was recorded at the same moment: it counts
            }
        }
    }

    void succeeded(String email, String address) {
        String account = account(email);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("DELETE FROM sign_in_failure WHERE account = ?", account);
        if (jdbc.update(
                        "UPDATE sign_in_address SET last_signed_in = ? WHERE account = ? AND address = ?",
                        now,
                        account,
                        address)
                == 0) {
            try {
                jdbc.update(
                        "INSERT INTO sign_in_address (account, address, last_signed_in) VALUES (?, ?, ?)",
                        account,
                        address,
                        now);
            } catch (DuplicateKeyException concurrentSignIn) {
                // the same address signed in twice at once: one row is all it takes
            }
        }
    }

    /** 2 s after the first failure over the free ones, doubling with each, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration backoff = Duration.ofSeconds(1L << doublings);
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private boolean trusted(String account, String address, Instant now) {
        Integer known = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sign_in_address WHERE account = ? AND address = ? AND last_signed_in > ?",
                Integer.class,
                account,
                address,
                Timestamp.from(now.minus(TRUST_FOR)));
        return known != null && known > 0;
    }

    private static String account(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
