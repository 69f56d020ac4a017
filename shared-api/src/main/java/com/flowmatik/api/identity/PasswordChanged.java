package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user changed their password; every token issued before is refused from now on. */
@Revision("1")
public record PasswordChanged(UserId userId, String passwordHash, Instant changedAt) {}
