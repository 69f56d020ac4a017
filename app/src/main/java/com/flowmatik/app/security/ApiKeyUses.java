package com.flowmatik.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When each API key was last used, for its owner's list: a detail of the read side, not an event
 * (a key used a thousand times a minute would otherwise write a thousand events). Written at most
 * once a minute per key and instance, into {@code api_key_last_use}; a write that fails is logged
 * and skipped, since the request it describes has been authenticated already.
 */
@Component
class ApiKeyUses {

    static final Duration RESOLUTION = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ApiKeyUses.class);

    private final Cache<String, Instant> recorded = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(RESOLUTION)
            .build();
    private final JdbcTemplate jdbc;

    ApiKeyUses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void used(String keyId, Instant at) {
        if (recorded.asMap().putIfAbsent(keyId, at) != null) {
            return;
        }
        Timestamp when = Timestamp.from(at);
        try {
            int updated = jdbc.update(
                    "UPDATE api_key_last_use SET last_used_at = ? WHERE key_id = ? AND last_used_at < ?",
                    when,
                    keyId,
                    when);
            if (updated == 0) {
                jdbc.update("INSERT INTO api_key_last_use (key_id, last_used_at) VALUES (?, ?)", keyId, when);
            }
        } catch (DuplicateKeyException laterUseRecorded) {
            // another instance recorded a use of this key at the same moment, or a later one
        } catch (DataAccessException unwritten) {
            log.warn("Could not record the use of API key {}: {}", keyId, unwritten.getMessage());
        }
    }
}
