package com.flowmatik.api.payment;

import java.time.Instant;
import java.util.List;

/**
 * An invoice as the provider issued it.
 *
 * @param invoiceId the provider's id, unique per provider
 * @param number the number printed on the invoice, when the provider gives one
 * @param subscriptionId the provider subscription it bills, when it bills one
 */
public record Invoice(
        PaymentProvider provider,
        String invoiceId,
        String number,
        String subscriptionId,
        Money total,
        List<InvoiceLine> lines,
        Instant issuedAt) {

    public Invoice {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
