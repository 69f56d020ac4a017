package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator gives a user another role. Answers whether anything changed. */
public record ChangeRole(@TargetAggregateIdentifier UserId userId, Role role, UserId changedBy, Instant changedAt) {}
