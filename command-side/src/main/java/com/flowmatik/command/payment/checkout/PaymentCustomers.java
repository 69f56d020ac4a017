package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which user each provider customer is. A user has at most one customer at each provider, made the
 * first time they subscribe there; webhooks name the customer, and this is how they find the user.
 *
 * <p>A link never changes once made (nothing removes or moves one, and both sides are unique), so
 * each instance remembers the links it has read or made, whichever instance made them: a webhook of
 * a known customer reads no row. (Every Stripe subscription delivery asked the database for its
 * link: 5 % of the app's samples in the webhook benchmark.) Links not found are not remembered.
 */
@Component
public class PaymentCustomers {

    private static final int REMEMBERED = 100_000;

    private final PaymentCustomerRecords records;
    private final Cache<PaymentCustomer.Key, UserId> userByCustomer =
            Caffeine.newBuilder().maximumSize(REMEMBERED).build();
    private final Cache<UsersCustomer, String> customerByUser =
            Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    PaymentCustomers(PaymentCustomerRecords records) {
        this.records = records;
    }

    private record UsersCustomer(String provider, String userId) {}

    /** Remembers a link once it is committed: one made or read in a transaction that rolls back was never made. */
    private void known(String provider, String customerId, String userId) {
        Runnable remember = () -> {
            userByCustomer.put(new PaymentCustomer.Key(provider, customerId), UserId.of(userId));
            customerByUser.put(new UsersCustomer(provider, userId), customerId);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
    }

    /** The user a provider's customer belongs to, if the platform linked them. */
    public Optional<UserId> userFor(PaymentProvider provider, String customerId) {
        if (customerId == null || customerId.isBlank()) {
            return Optional.empty();
        }
        PaymentCustomer.Key key = new PaymentCustomer.Key(provider.wireName(), customerId);
        UserId known = userByCustomer.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        return records.findById(key).map(customer -> {
            known(provider.wireName(), customerId, customer.userId());
            return UserId.of(customer.userId());
        });
    }

    /** The user's customer at the provider, if they have one. */
    public Optional<String> customerOf(PaymentProvider provider, UserId userId) {
        String known = customerByUser.getIfPresent(new UsersCustomer(provider.wireName(), userId.value()));
        if (known != null) {
            return Optional.of(known);
        }
        return records.findByProviderAndUserId(provider.wireName(), userId.value())
                .map(customer -> {
                    known(provider.wireName(), customer.customerId(), userId.value());
                    return customer.customerId();
                });
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
            known(provider.wireName(), customerId, userId.value());
            return customerId;
        } catch (DataIntegrityViolationException raceLost) {
            return customerOf(provider, userId)
                    .orElseThrow(() -> new IllegalStateException(
                            provider.wireName() + " customer " + customerId + " is linked to another user", raceLost));
        }
    }
}
