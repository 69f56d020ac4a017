package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;

/**
 * The usage account of a user has an id of its own: aggregate ids must be unique across aggregate
 * types (the user's account already has the bare user id).
 */
public final class UsageAccountIds {

    private UsageAccountIds() {}

    public static String of(UserId userId) {
        return "usage:" + userId.value();
    }
}
