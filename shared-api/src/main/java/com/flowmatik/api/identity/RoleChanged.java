package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user's role changed; it applies to their next request. */
@Revision("1")
public record RoleChanged(UserId userId, Role role, UserId changedBy, Instant changedAt) {}
