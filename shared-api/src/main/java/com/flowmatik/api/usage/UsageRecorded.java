package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Usage that happened outside the platform was recorded, one item per usage event of the batch:
 * each counts as a request and its tokens on the UTC day it occurred, like a request started and
 * charged on the platform. One event per batch, so a batch of a thousand is one append.
 */
@Revision("1")
public record UsageRecorded(UserId userId, List<RecordedUsage> items, Instant recordedAt) {}
