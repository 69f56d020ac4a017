package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Which user each provider customer is. A user has at most one customer at each provider, made the
 * first time they subscribe there; webhooks name the customer, and this is how they find the user.
 */
@Component
public class PaymentCustomers {

    private final PaymentCustomerRecords records;

    PaymentCustomers(PaymentCustomerRecords records) {
        this.records = records;
    }

    /** The user a provider's customer belongs to, if the platform linked them. */
    public Optional<UserId> userFor(PaymentProvider provider, String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return Optional.empty();
        }
        return records.findById(new PaymentCustomer.Key(provider.wireName(), customerId))
                .map(customer -> UserId.of(customer.userId()));
    }

    /** The user's customer at the provider, if they have one. */
    public Optional<String> customerOf(PaymentProvider provider, UserId userId) {
        return records.findByProviderAndUserId(provider.wireName(), userId.value())
                .map(PaymentCustomer::customerId);
    }

    /**
     * Links a provider's customer to a user and answers the customer the user has now: this one, or
     * the one a concurrent first subscription linked a moment earlier. Linking the same pair again
     * changes nothing.
     */
    public String remember(PaymentProvider provider, String customerId, UserId userId) {
        Optional<String> existing = customerOf(provider, userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            records.saveAndFlush(new PaymentCustomer(provider.wireName(), customerId, userId.value()));
            return customerId;
        } catch (DataIntegrityViolationException raceLost) {
            return customerOf(provider, userId)
                    .orElseThrow(() -> new IllegalStateException(
                            provider.wireName() + " customer " + customerId + " is linked to another user", raceLost));
        }
    }
}
