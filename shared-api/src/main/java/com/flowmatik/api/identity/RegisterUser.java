package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open an account. The password arrives already hashed (BCrypt) so that no plaintext ever travels
 * as a message; the time comes in the command because aggregates do not read clocks.
 */
public record RegisterUser(
        @TargetAggregateIdentifier UserId userId,
        String email,
        String name,
        String passwordHash,
        Role role,
        Instant registeredAt) {}
