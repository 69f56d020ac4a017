package com.flowmatik.query.payments;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.FindSubscription;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.SubscriptionView;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own subscription, invoices (newest first) and payment methods (the default first). */
@RestController
class PaymentsController {

    private final QueryGateway queries;

    PaymentsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/payments/subscription")
    SubscriptionResponse subscription(Principal caller) {
        SubscriptionView view = queries.query(
                        new FindSubscription(caller(caller)), ResponseTypes.instanceOf(SubscriptionView.class))
                .join();
        return SubscriptionResponse.from(view);
    }

    @GetMapping("/api/payments/invoices")
    List<InvoiceView> invoices(Principal caller) {
        return queries.query(new FindInvoices(caller(caller)), ResponseTypes.multipleInstancesOf(InvoiceView.class))
                .join();
    }

    @GetMapping("/api/payments/payment-methods")
    List<PaymentMethodView> paymentMethods(Principal caller) {
        return queries.query(
                        new FindPaymentMethods(caller(caller)),
                        ResponseTypes.multipleInstancesOf(PaymentMethodView.class))
                .join();
    }

    private static UserId caller(Principal caller) {
        return UserId.of(caller.getName());
    }

    /** The answer of API.md in wire names; a user who never subscribed has status {@code none}. */
    record SubscriptionResponse(
            String plan, String status, String provider, Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {

        static SubscriptionResponse from(SubscriptionView view) {
            PaymentProvider provider = view.provider();
            return new SubscriptionResponse(
                    view.plan().wireName(),
                    view.status() == null ? "none" : view.status().wireName(),
                    provider == null ? null : provider.wireName(),
                    view.currentPeriodEnd(),
                    view.cancelAtPeriodEnd());
        }
    }
}
