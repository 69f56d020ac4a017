package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;

/**
 * The usage account of a user has an id of its own: aggregate ids must be unique across aggregate
 * types (the user's account already has the bare user id).
 */
public final class UsageAccountIds {

    /** What a user's id is prefixed with. */
    public static final String PREFIX = "usage:";

    private UsageAccountIds() {}

    public static String of(UserId userId) {
        return PREFIX + userId.value();
    }
}
