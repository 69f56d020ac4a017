package com.flowmatik.command.payment.checkout;

import com.flowmatik.api.identity.UserId;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/payments}: subscribing through Stripe or LemonSqueezy, and canceling at period end.
 * The caller's plan changes only when the provider's webhook says the payment or cancellation
 * happened.
 */
@RestController
class CheckoutController {

    private final Subscribing subscribing;
    private final Cancellations cancellations;

    CheckoutController(Subscribing subscribing, Cancellations cancellations) {
        this.subscribing = subscribing;
        this.cancellations = cancellations;
    }

    @PostMapping("/api/payments/subscribe/stripe")
    @ResponseStatus(HttpStatus.CREATED)
    StartedCheckout subscribeWithStripe(Principal caller, @Valid @RequestBody SubscribeBody body) {
        return subscribing.withStripe(UserId.of(caller.getName()), body.plan(), body.paymentMethodId());
    }

    @PostMapping("/api/payments/subscribe/lemonsqueezy")
    @ResponseStatus(HttpStatus.CREATED)
    StartedCheckout subscribeWithLemonSqueezy(Principal caller, @Valid @RequestBody SubscribeBody body) {
        return subscribing.withLemonSqueezy(UserId.of(caller.getName()), body.plan());
    }

    @PostMapping("/api/payments/subscription/cancel")
    SubscriptionAnswer cancel(Principal caller) {
        return cancellations.cancel(UserId.of(caller.getName()));
    }
}
