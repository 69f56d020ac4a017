package com.flowmatik.query.payments;

import com.flowmatik.api.payment.InvoiceIssued;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentProvider;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One invoice of one user with its lines. Open when issued; {@code payment_failed} while collecting
 * it fails (the attempts and the last reason are kept); paid once collected, which is final.
 */
@Entity
@Table(name = "invoice")
@IdClass(InvoiceRow.Key.class)
class InvoiceRow {

    static final int MAX_TEXT = 1023;

    enum Status {
        OPEN,
        PAYMENT_FAILED,
        PAID;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "provider", length = 16)
    private PaymentProvider provider;

    @Id
    @Column(name = "invoice_id")
    private String invoiceId;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "invoice_number")
    private String number;

    @Column(name = "provider_subscription_id")
    private String providerSubscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "total_amount", nullable = false)
    private long totalAmount;

    @Column(name = "total_currency", nullable = false, length = 3)
    private String totalCurrency;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "last_failure_reason", length = MAX_TEXT)
    private String lastFailureReason;

    @Column(name = "last_failed_at")
    private Instant lastFailedAt;

    @ElementCollection
    @CollectionTable(
            name = "invoice_line",
            joinColumns = {
                @JoinColumn(name = "provider", referencedColumnName = "provider"),
                @JoinColumn(name = "invoice_id", referencedColumnName = "invoice_id")
            })
    @OrderColumn(name = "line_index")
    private List<InvoiceLineRow> lines = new ArrayList<>();

    protected InvoiceRow() {}

    InvoiceRow(InvoiceIssued event) {
        this.provider = event.provider();
        this.invoiceId = event.invoiceId();
        this.userId = event.userId().value();
        this.number = event.number();
        this.providerSubscriptionId = event.providerSubscriptionId();
        this.status = Status.OPEN;
        this.totalAmount = event.total().amount();
        this.totalCurrency = event.total().currency();
        this.issuedAt = event.issuedAt();
        if (event.lines() != null) {
            event.lines().forEach(line -> lines.add(InvoiceLineRow.of(line)));
        }
    }

    void pay(Instant at) {
        status = Status.PAID;
        paidAt = at;
    }

    /**
     * Counts an attempt once: a redelivered failure has the same instant as the one counted. A
     * failure reported for a paid invoice (an earlier attempt, late) changes nothing.
     */
    void failPayment(String reason, Instant at) {
        if (status == Status.PAID || (lastFailedAt != null && !at.isAfter(lastFailedAt))) {
            return;
        }
        status = Status.PAYMENT_FAILED;
        failedAttempts++;
        lastFailureReason = clip(reason);
        lastFailedAt = at;
    }

    InvoiceView toView() {
        return new InvoiceView(
                invoiceId,
                provider.wireName(),
                number,
                status.wireName(),
                new Money(totalAmount, totalCurrency),
                issuedAt,
                paidAt,
                failedAttempts,
                lastFailureReason,
                lines.stream().map(InvoiceLineRow::toLine).toList());
    }

    /** Provider texts have no length limit; the column has. */
    static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** The composite key: an invoice id is unique per provider. */
    record Key(PaymentProvider provider, String invoiceId) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
