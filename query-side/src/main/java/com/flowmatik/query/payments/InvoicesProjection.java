package com.flowmatik.query.payments;

import com.flowmatik.api.payment.InvoiceIssued;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.PaymentSucceeded;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code invoice} and {@code invoice_line} tables and answers {@link FindInvoices}. An
 * invoice is keyed by its provider and the provider's id, so a redelivered issue adds nothing; a
 * payment sets, a failure counts once per instant.
 */
@Component
@ProcessingGroup(InvoicesProjection.GROUP)
class InvoicesProjection {

    static final String GROUP = "invoices";

    private final InvoiceRows rows;

    InvoicesProjection(InvoiceRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(InvoiceIssued event) {
        if (!rows.existsById(new InvoiceRow.Key(event.provider(), event.invoiceId()))) {
            rows.save(new InvoiceRow(event));
        }
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        change(event.provider(), event.invoiceId(), row -> row.pay(event.paidAt()));
    }

    @EventHandler
    void on(PaymentFailed event) {
        change(event.provider(), event.invoiceId(), row -> row.failPayment(event.reason(), event.failedAt()));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllLines();
        rows.deleteAllInBatch();
    }

    @QueryHandler
    List<InvoiceView> handle(FindInvoices query) {
        return rows.findByUserIdOrderByIssuedAtDescInvoiceIdDesc(query.userId().value()).stream()
                .map(InvoiceRow::toView)
                .toList();
    }

    /** A payment follows its invoice's issue in the user's sequence. */
    private void change(PaymentProvider provider, String invoiceId, Consumer<InvoiceRow> change) {
        rows.findById(new InvoiceRow.Key(provider, invoiceId)).ifPresent(row -> {
            change.accept(row);
            rows.save(row);
        });
    }
}
