package com.flowmatik.app.security;

import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.ApiKeyRevoked;
import com.flowmatik.api.identity.UserId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 */
@Component
class ApiKeyHolders {

    /** The key's id and the account it acts for. */
    record Holder(String keyId, UserId userId) {}

    private final Cache<String, Optional<Holder>> byHash = Caffeine.newBuilder()
            .maximumSize(200_000)
            // a safety net only: changes arrive as events
            .expireAfterWrite(Duration.ofMinutes(30))
            .build();
    private final Cache<String, Boolean> revoked =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();
    private final JdbcTemplate jdbc;

    ApiKeyHolders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Holder> of(String hash) {
        return byHash.get(hash, this::fromLookupTable).filter(holder -> revoked.getIfPresent(holder.keyId()) == null);
    }

    void changedBy(Object event) {
        if (event instanceof ApiKeyCreated created) {
            byHash.put(created.hash(), Optional.of(new Holder(created.keyId(), created.userId())));
        } else if (event instanceof ApiKeyRevoked revocation) {
            revoked.put(revocation.keyId(), Boolean.TRUE);
            byHash.asMap().values().removeIf(holder -> holder.filter(h -> h.keyId().equals(revocation.keyId())).isPresent());
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
