package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;

/** Finds a user's subscription; a user who never subscribed is on the free plan. */
public record FindSubscription(UserId userId) {}
