package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The provider opened no checkout for the attempt ({@code reason} says why): the user may try again. */
@Revision("1")
public record CheckoutAbandoned(UserId userId, String attemptId, String reason, Instant abandonedAt) {}
