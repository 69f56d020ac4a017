package com.flowmatik.query.payments;

import com.flowmatik.api.payment.InvoiceLine;
import com.flowmatik.api.payment.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an invoice in {@code invoice_line}: what was charged for, how many, and its amount. */
@Embeddable
class InvoiceLineRow {

    @Column(name = "description", length = InvoiceRow.MAX_TEXT)
    private String description;

    @Column(name = "quantity", nullable = false)
    private long quantity;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    protected InvoiceLineRow() {}

    private InvoiceLineRow(String description, long quantity, long amount, String currency) {
        this.description = description;
        this.quantity = quantity;
        this.amount = amount;
        this.currency = currency;
    }

    static InvoiceLineRow of(InvoiceLine line) {
        return new InvoiceLineRow(
                InvoiceRow.clip(line.description()),
                line.quantity(),
                line.amount().amount(),
                line.amount().currency());
    }

    InvoiceLine toLine() {
        return new InvoiceLine(description, quantity, new Money(amount, currency));
    }
}
