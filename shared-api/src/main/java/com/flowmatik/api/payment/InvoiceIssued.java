package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The provider issued an invoice to the user. */
@Revision("1")
public record InvoiceIssued(
        UserId userId,
        PaymentProvider provider,
        String invoiceId,
        String number,
        String providerSubscriptionId,
        Money total,
        List<InvoiceLine> lines,
        Instant issuedAt) {}
