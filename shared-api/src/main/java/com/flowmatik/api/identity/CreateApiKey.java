package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A user asks for a named API key. The key itself is made and shown by the edge; the account
 * receives only its HMAC ({@code hash}) and the few characters that identify it in a list
 * ({@code prefix}), so the secret never reaches the event store.
 */
public record CreateApiKey(
        @TargetAggregateIdentifier UserId userId,
        String keyId,
        String name,
        String prefix,
        String hash,
        Instant createdAt) {}
