package com.flowmatik.app.security;

import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.ApiKeyRevoked;
import com.flowmatik.api.identity.UserId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which account an API key (by its hash) acts for, asked on every request that carries a key and
 * answered from memory. A hash missing here is read once from {@code api_key_owner}, the write
 * side's lookup table kept in the same transaction as the key's events, so it is never behind; an
 * unknown hash is remembered as unknown, which is safe because no later key can have it. The key
 * events, on this instance and every other ({@link AccountChanges}), add a new key and drop a
 * revoked one; a revoked id is also remembered for longer than any entry lives, so that a lookup
 * that raced the revocation cannot bring the key back.
 *
 * <p>The event processor that brings other instances' revocations waits up to a second for new
 * events, so each instance also polls {@code api_key_revocation} every
 * {@code flowmatik.api-keys.revocation-poll} (250 ms unless set): a key revoked anywhere is refused
 * here within a second. Ids are handed out before their transactions commit, so a poll reads from a
 * little below the highest id it has seen, as the token denylist does.
 */
@Component
class ApiKeyHolders implements InitializingBean, DisposableBean {

    /** Concurrent revocations whose ids can commit out of order; far more than happen at once. */
    static final long ID_OVERLAP = 1_000;
    /** How long a revocation row is kept: longer than any cache entry lives. */
    static final Duration KEPT = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(ApiKeyHolders.class);

    /** The key's id and the account it acts for. */
    record Holder(String keyId, UserId userId) {}

    private final Cache<String, Optional<Holder>> byHash = Caffeine.newBuilder()
            .maximumSize(200_000)
            // a safety net only: changes arrive as events
            .expireAfterWrite(Duration.ofMinutes(30))
            .build();
    private final Cache<String, Boolean> revoked =
            Caffeine.newBuilder().expireAfterWrite(KEPT).build();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration poll;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "api-key-revocation-poll");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long highestId;
    private volatile Instant lastCleanup = Instant.EPOCH;

    ApiKeyHolders(JdbcTemplate jdbc, Clock clock, @Value("${flowmatik.api-keys.revocation-poll:250ms}") Duration poll) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.poll = poll;
    }

    @Override
    public void afterPropertiesSet() {
        Long highest = jdbc.queryForObject("SELECT MAX(id) FROM api_key_revocation", Long.class);
        highestId = highest == null ? 0 : highest;
        poller.scheduleWithFixedDelay(this::pollQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }

    Optional<Holder> of(String hash) {
        return byHash.get(hash, this::fromLookupTable).filter(holder -> revoked.getIfPresent(holder.keyId()) == null);
    }

    void changedBy(Object event) {
        if (event instanceof ApiKeyCreated created) {
            byHash.put(created.hash(), Optional.of(new Holder(created.keyId(), created.userId())));
        } else if (event instanceof ApiKeyRevoked revocation) {
            revoke(revocation.keyId());
        }
    }

    private void revoke(String keyId) {
        if (revoked.asMap().putIfAbsent(keyId, Boolean.TRUE) == null) {
            byHash.asMap()
                    .values()
                    .removeIf(holder ->
                            holder.filter(h -> h.keyId().equals(keyId)).isPresent());
        }
    }

    private void pollQuietly() {
        try {
            jdbc.query(
                    "SELECT id, key_id FROM api_key_revocation WHERE id > ?",
                    row -> {
                        revoke(row.getString("key_id"));
                        highestId = Math.max(highestId, row.getLong("id"));
                    },
                    Math.max(0, highestId - ID_OVERLAP));
            Instant now = clock.instant();
            if (lastCleanup.isBefore(now.minus(Duration.ofMinutes(1)))) {
                lastCleanup = now;
                jdbc.update("DELETE FROM api_key_revocation WHERE revoked_at < ?", Timestamp.from(now.minus(KEPT)));
            }
        } catch (DataAccessException unreachable) {
            // the next poll tries again; until then the revocations known here are still refused
            log.warn("Could not read new API key revocations from the database: {}", unreachable.getMessage());
        }
    }

    static boolean isKeyEvent(Object event) {
        return event instanceof ApiKeyCreated || event instanceof ApiKeyRevoked;
    }

    private Optional<Holder> fromLookupTable(String hash) {
        List<Holder> found = jdbc.query(
                "SELECT key_id, user_id FROM api_key_owner WHERE hash = ?",
                (row, index) -> new Holder(row.getString("key_id"), UserId.of(row.getString("user_id"))),
                hash);
        return found.stream().findFirst();
    }
}
