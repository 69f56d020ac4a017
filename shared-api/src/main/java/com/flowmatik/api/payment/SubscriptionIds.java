package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;

/** A user's subscription has an id of its own: aggregate ids must be unique across aggregate types. */
public final class SubscriptionIds {

    /** What a user's id is prefixed with. */
    public static final String PREFIX = "subscription:";

    private SubscriptionIds() {}

    public static String of(UserId userId) {
        return PREFIX + userId.value();
    }
}
