package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user changed their profile. */
@Revision("1")
public record ProfileUpdated(UserId userId, String name, Instant updatedAt) {}
