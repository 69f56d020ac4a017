package com.flowmatik.query.payments;

import com.flowmatik.api.payment.PaymentMethodAttached;
import com.flowmatik.api.payment.PaymentMethodDetached;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code payment_method} table and answers {@link FindPaymentMethods}. It belongs to the
 * {@code invoices} processing group: a user's invoices and the means to pay them are rebuilt
 * together. The default is not stored but read: the most recently attached method still on file
 * (ties broken by id), so a detach needs no bookkeeping and the answer cannot go stale.
 */
@Component
@ProcessingGroup(InvoicesProjection.GROUP)
class PaymentMethodsProjection {

    private final PaymentMethodRows rows;

    PaymentMethodsProjection(PaymentMethodRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(PaymentMethodAttached event) {
        PaymentMethodRow row = rows.findById(new PaymentMethodRow.Key(event.provider(), event.paymentMethodId()))
                .orElseGet(() -> new PaymentMethodRow(event.provider(), event.paymentMethodId()));
        row.attach(event);
        rows.save(row);
    }

    @EventHandler
    void on(PaymentMethodDetached event) {
        rows.deleteById(new PaymentMethodRow.Key(event.provider(), event.paymentMethodId()));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    List<PaymentMethodView> handle(FindPaymentMethods query) {
        List<PaymentMethodView> methods = new ArrayList<>();
        for (PaymentMethodRow row : rows.findByUserIdOrderByAttachedAtDescPaymentMethodIdDesc(
                query.userId().value())) {
            methods.add(row.toView(methods.isEmpty()));
        }
        return methods;
    }
}
