package com.flowmatik.api.refusal;

import java.util.Locale;

/**
 * Why the platform refused a command. Each code has a stable slug: the last segment of the problem
 * type that clients switch on.
 */
public enum ErrorCode {
    VALIDATION,
    /** A message that is not what its door reads (not JSON, or not of the expected shape). */
    MALFORMED_REQUEST,
    EMAIL_TAKEN,
    NOT_FOUND,
    INVALID_RESET_TOKEN,
    ACCOUNT_DEACTIVATED,
    /** The user already pays for a plan that has not ended: change or cancel it instead. */
    SUBSCRIPTION_ACTIVE,
    /** The user has no paid plan that could be canceled. */
    NO_ACTIVE_SUBSCRIPTION,
    /** Another checkout of the user's is still open at a provider: pay or leave it, or wait until it expires. */
    CHECKOUT_PENDING,
    /** A webhook whose signature is missing or does not verify: nothing of it is recorded. */
    INVALID_SIGNATURE,
    /** A webhook whose signature verifies but whose body is not an event of its provider: nothing is recorded. */
    INVALID_PAYLOAD,
    /** The feature needs a paid plan (or an operator's account): API keys on the Free plan. */
    PLAN_REQUIRED;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
