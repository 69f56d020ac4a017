package com.flowmatik.query.payments;

import com.flowmatik.api.payment.InvoiceLine;
import com.flowmatik.api.payment.Money;
import java.time.Instant;
import java.util.List;

/**
 * An invoice as {@code GET /api/payments/invoices} shows it: the provider's id and number, status
 * {@code open}, {@code payment_failed} or {@code paid}, and the failed attempts so far.
 */
public record InvoiceView(
        String id,
        String provider,
        String number,
        String status,
        Money total,
        Instant issuedAt,
        Instant paidAt,
        int failedAttempts,
        String lastFailureReason,
        List<InvoiceLine> lines) {}
