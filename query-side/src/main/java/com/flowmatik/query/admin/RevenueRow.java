package com.flowmatik.query.admin;

import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.PaymentSucceeded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One collected invoice: revenue of its UTC day. An invoice is paid once, so it is its own key. */
@Entity
@Table(name = "admin_revenue")
@IdClass(RevenueRow.Key.class)
class RevenueRow {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "provider", length = 16)
    private PaymentProvider provider;

    @Id
    @Column(name = "invoice_id", length = 255)
    private String invoiceId;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "paid_date", nullable = false)
    private LocalDate paidDate;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    protected RevenueRow() {}

    RevenueRow(PaymentSucceeded event) {
        this.provider = event.provider();
        this.invoiceId = event.invoiceId();
        this.userId = event.userId().value();
        this.paidDate = LocalDate.ofInstant(event.paidAt(), ZoneOffset.UTC);
        this.amount = event.amount().amount();
        this.currency = event.amount().currency();
    }

    /** The composite key: provider and the provider's invoice id. */
    record Key(PaymentProvider provider, String invoiceId) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
