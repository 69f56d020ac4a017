package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A user withdraws one of their own API keys; a key of another user is not found. */
public record RevokeApiKey(@TargetAggregateIdentifier UserId userId, String keyId, Instant revokedAt) {}
