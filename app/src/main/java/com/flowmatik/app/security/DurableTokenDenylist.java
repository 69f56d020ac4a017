package com.flowmatik.app.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The denylist of every mode: signed-out tokens are rows of {@code revoked_token} in the platform's
 * database, and each instance keeps them in memory, loaded at start and polled for new rows every
 * {@code flowmatik.jwt.revocation-poll} (1 s unless set). A sign-out is refused at once on the
 * instance that took it and within one poll on the others, whatever Redis does, and after a restart.
 *
 * <p>New rows are found by id. Ids are handed out before their transactions commit, so a poll reads
 * from a little below the highest id it has seen: a row committed late under a lower id is not missed.
 */
@Component
class DurableTokenDenylist implements TokenDenylist, InitializingBean, DisposableBean {

    /** Concurrent sign-outs whose ids can commit out of order; far more than happen at once. */
    static final long ID_OVERLAP = 1_000;

    private static final Logger log = LoggerFactory.getLogger(DurableTokenDenylist.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration poll;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "token-denylist-poll");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long highestId;

    DurableTokenDenylist(JdbcTemplate jdbc, Clock clock, @Value("${flowmatik.jwt.revocation-poll:1s}") Duration poll) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.poll = poll;
    }

    @Override
    public void afterPropertiesSet() {
        readNewRevocations();
        poller.scheduleWithFixedDelay(this::pollQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }

    @Override
    public void revoke(String tokenId, Instant expiresAt) {
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            return;
        }
        try {
            jdbc.update(
                    "INSERT INTO revoked_token (token_id, expires_at) VALUES (?, ?)",
                    tokenId,
                    Timestamp.from(expiresAt));
        } catch (DuplicateKeyException alreadyRevoked) {
            // signed out twice: the first row stands
        }
        revoked.put(tokenId, expiresAt);
        jdbc.update("DELETE FROM revoked_token WHERE expires_at < ?", Timestamp.from(now));
    }

    @Override
    public boolean isRevoked(String tokenId) {
        Instant expiry = revoked.get(tokenId);
        return expiry != null && expiry.isAfter(clock.instant());
    }

    private void pollQuietly() {
        try {
            readNewRevocations();
        } catch (DataAccessException unreachable) {
            // the next poll tries again; until then the sign-outs known here are still refused
            log.warn("Could not read new sign-outs from the database: {}", unreachable.getMessage());
        }
    }

    private void readNewRevocations() {
        Instant now = clock.instant();
        jdbc.query(
                "SELECT id, token_id, expires_at FROM revoked_token WHERE id > ? AND expires_at > ?",
                row -> {
                    revoked.put(
                            row.getString("token_id"),
                            row.getTimestamp("expires_at").toInstant());
                    highestId = Math.max(highestId, row.getLong("id"));
                },
                Math.max(0, highestId - ID_OVERLAP),
                Timestamp.from(now));
        revoked.values().removeIf(expiry -> !expiry.isAfter(now));
    }
}
