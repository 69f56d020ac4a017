package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change what a user says about themself. Only the name today; role and plan are never set here. */
public record UpdateProfile(@TargetAggregateIdentifier UserId userId, String name, Instant updatedAt) {}
