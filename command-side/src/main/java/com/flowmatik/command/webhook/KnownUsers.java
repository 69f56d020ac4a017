package com.flowmatik.command.webhook;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.command.identity.Accounts;
import com.flowmatik.command.payment.checkout.PaymentCustomers;
import org.springframework.stereotype.Component;

/**
 * Tells who a delivery is about: the user id the platform put into the provider's metadata, or the
 * user linked to the provider's customer. Only users with an account are accepted, so that a forged
 * or foreign id in metadata cannot create billing state for no one; the account itself says so, not
 * the users read model, which may lag behind a registration.
 */
@Component
class KnownUsers {

    private final Accounts accounts;
    private final PaymentCustomers customers;

    KnownUsers(Accounts accounts, PaymentCustomers customers) {
        this.accounts = accounts;
        this.customers = customers;
    }

    /** The user named by metadata if any, else the customer's user. */
    UserId resolve(PaymentProvider provider, String metadataUserId, String customerId) {
        if (metadataUserId != null && !metadataUserId.isBlank()) {
            return existing(metadataUserId.trim());
        }
        if (customerId == null) {
            throw new WebhookNotApplicable("the event names neither a user_id nor a customer");
        }
        return customers
                .userFor(provider, customerId)
                .orElseThrow(() -> new WebhookNotApplicable(
                        "no user is linked to " + provider.wireName() + " customer " + customerId));
    }

    void link(PaymentProvider provider, String customerId, UserId userId) {
        if (customerId != null && !customerId.isBlank()) {
            customers.remember(provider, customerId, userId);
        }
    }

    private UserId existing(String userId) {
        UserId id = UserId.of(userId);
        if (!accounts.exists(id)) {
            throw new WebhookNotApplicable("no account for user_id " + userId);
        }
        return id;
    }
}
