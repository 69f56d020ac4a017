package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set a new password for a signed-in user whose current password the web edge has checked. The
 * new password arrives hashed.
 */
public record ChangePassword(@TargetAggregateIdentifier UserId userId, String newPasswordHash, Instant changedAt) {}
