package com.flowmatik.query.payments;

import com.flowmatik.api.payment.PaymentMethodAttached;
import com.flowmatik.api.payment.PaymentProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A payment method on file for a user, as last attached. A detached method has no row. */
@Entity
@Table(name = "payment_method")
@IdClass(PaymentMethodRow.Key.class)
class PaymentMethodRow {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "provider", length = 16)
    private PaymentProvider provider;

    @Id
    @Column(name = "payment_method_id")
    private String paymentMethodId;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "brand", length = 64)
    private String brand;

    @Column(name = "last4", length = 8)
    private String last4;

    @Column(name = "exp_month", nullable = false)
    private int expMonth;

    @Column(name = "exp_year", nullable = false)
    private int expYear;

    @Column(name = "attached_at", nullable = false)
    private Instant attachedAt;

    protected PaymentMethodRow() {}

    PaymentMethodRow(PaymentProvider provider, String paymentMethodId) {
        this.provider = provider;
        this.paymentMethodId = paymentMethodId;
    }

    /** Sets what the event says: attaching the same method again only brings it up to date. */
    void attach(PaymentMethodAttached event) {
        userId = event.userId().value();
        brand = event.brand();
        last4 = event.last4();
        expMonth = event.expMonth();
        expYear = event.expYear();
        attachedAt = event.attachedAt();
    }

    PaymentMethodView toView(boolean isDefault) {
        return new PaymentMethodView(paymentMethodId, provider.wireName(), brand, last4, expMonth, expYear, isDefault);
    }

    /** The composite key: a payment method id is unique per provider. */
    record Key(PaymentProvider provider, String paymentMethodId) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
