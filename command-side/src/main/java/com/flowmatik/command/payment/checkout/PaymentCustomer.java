package com.flowmatik.command.payment.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.util.Objects;
import org.springframework.data.domain.Persistable;

/**
 * The customer a payment provider keeps for one user. Part of the write model, not a read model: it
 * is never replayed. Always new when saved, so that saving is an INSERT that the unique keys can
 * refuse (one customer per user and provider, one user per customer), never a merge.
 */
@Entity
@Table(name = "payment_customer")
@IdClass(PaymentCustomer.Key.class)
class PaymentCustomer implements Persistable<PaymentCustomer.Key> {

    @Id
    @Column(name = "provider", length = 16)
    private String provider;

    @Id
    @Column(name = "customer_id", length = 128)
    private String customerId;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    protected PaymentCustomer() {}

    PaymentCustomer(String provider, String customerId, String userId) {
        this.provider = provider;
        this.customerId = customerId;
        this.userId = userId;
    }

    @Override
    public Key getId() {
        return new Key(provider, customerId);
    }

    @Override
    @Transient
    public boolean isNew() {
        return true;
    }

    String customerId() {
        return customerId;
    }

    String userId() {
        return userId;
    }

    /** A provider's customer: the provider's wire name and its customer id. */
    static class Key implements Serializable {

        private String provider;
        private String customerId;

        protected Key() {}

        Key(String provider, String customerId) {
            this.provider = provider;
            this.customerId = customerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && provider.equals(key.provider) && customerId.equals(key.customerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provider, customerId);
        }
    }
}
