package com.flowmatik.command.webhook;

import com.flowmatik.api.payment.PaymentProvider;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The providers' webhook endpoints (public: the signature says who calls). The body is taken as raw
 * bytes: a signature is over exactly what was sent. The operators' retry is the app's
 * ({@code WebhookRetryController}): finding every failed delivery is a question for the read side.
 */
@RestController
class WebhookController {

    private final WebhookIntake intake;

    WebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/webhooks/stripe")
    Map<String, Object> stripe(@RequestBody(required = false) byte[] body, @RequestHeader HttpHeaders headers) {
        return intake.receive(PaymentProvider.STRIPE, orEmpty(body), headers).answer();
    }

    @PostMapping("/api/webhooks/lemonsqueezy")
    Map<String, Object> lemonSqueezy(@RequestBody(required = false) byte[] body, @RequestHeader HttpHeaders headers) {
        return intake.receive(PaymentProvider.LEMONSQUEEZY, orEmpty(body), headers)
                .answer();
    }

    private static byte[] orEmpty(byte[] body) {
        return body == null ? new byte[0] : body;
    }
}
