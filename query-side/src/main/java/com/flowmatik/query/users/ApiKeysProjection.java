package com.flowmatik.query.users;

import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.ApiKeyRevoked;
import com.flowmatik.api.identity.ApiKeySummary;
import com.flowmatik.api.identity.FindApiKeys;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code api_keys} table and answers a user's list of keys. In the {@code users}
 * processing group, so that replaying the users rebuilds their keys too; a key's last use is read
 * from {@code api_key_last_use}, which no event carries and a replay leaves alone.
 */
@Component
@ProcessingGroup(UsersProjection.GROUP)
class ApiKeysProjection {

    private final ApiKeyRows rows;

    ApiKeysProjection(ApiKeyRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(ApiKeyCreated event) {
        if (!rows.existsById(event.keyId())) {
            rows.save(new ApiKeyRow(
                    event.keyId(), event.userId().value(), event.name(), event.prefix(), event.createdAt()));
        }
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        rows.findById(event.keyId()).ifPresent(row -> {
            row.revoke(event.reason(), event.revokedAt());
            rows.save(row);
        });
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    List<ApiKeySummary> handle(FindApiKeys query) {
        List<ApiKeyRow> keys = rows.findByUserIdAndRevokedAtIsNullOrderByCreatedAtAscIdAsc(
                query.userId().value());
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, ApiKeyLastUse> lastUses = rows
                .findLastUses(keys.stream().map(ApiKeyRow::id).toList())
                .stream()
                .collect(Collectors.toMap(ApiKeyLastUse::keyId, use -> use));
        return keys.stream()
                .map(key -> key.toSummary(
                        lastUses.containsKey(key.id()) ? lastUses.get(key.id()).lastUsedAt() : null))
                .toList();
    }
}
