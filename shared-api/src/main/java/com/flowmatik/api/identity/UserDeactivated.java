package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user's access was closed: their tokens are refused and they cannot sign in. */
@Revision("1")
public record UserDeactivated(UserId userId, UserId deactivatedBy, Instant deactivatedAt) {}
