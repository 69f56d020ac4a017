package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user's role changed; it applies to their next request. {@code changedBy} is the operator, or
 * {@code null} when the platform changed it with the user's plan.
 */
@Revision("1")
public record RoleChanged(UserId userId, Role role, UserId changedBy, Instant changedAt) {}
