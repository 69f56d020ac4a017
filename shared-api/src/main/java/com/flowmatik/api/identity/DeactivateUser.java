package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator closes a user's access. Answers whether anything changed. */
public record DeactivateUser(@TargetAggregateIdentifier UserId userId, UserId deactivatedBy, Instant deactivatedAt) {}
