package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user made an API key that acts as them on the AI, usage and conversation endpoints and MCP.
 * {@code hash} is the key's HMAC-SHA256 under the platform's key secret, never the key.
 */
@Revision("1")
public record ApiKeyCreated(UserId userId, String keyId, String name, String prefix, String hash, Instant createdAt) {}
