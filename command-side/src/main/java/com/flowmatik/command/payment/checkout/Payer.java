package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.identity.UserId;

/**
 * Who pays, as the provider is told: the user id always (it travels back in webhooks), e-mail and
 * name when the platform knows them.
 */
record Payer(UserId userId, String email, String name) {

    /** The metadata key (Stripe) and custom data key (LemonSqueezy) the user id travels under. */
    static final String USER_ID = "user_id";
}
