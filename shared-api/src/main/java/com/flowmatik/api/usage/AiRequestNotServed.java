package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A failed request that the provider never served (it was not reached, or refused the call without
 * producing anything): it no longer counts against the daily request limit of the day it started.
 * Follows its {@link AiRequestFailed}; tokens the provider did report are charged all the same.
 */
@Revision("1")
public record AiRequestNotServed(
        UserId userId, String requestId, String model, Instant startedAt, Instant releasedAt) {}
