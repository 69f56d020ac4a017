package com.flowmatik.command.webhook;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.webhook.FindFailedWebhooks;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The providers' webhook endpoints (public: the signature says who calls) and the operators' retry.
 * The body is taken as raw bytes: a signature is over exactly what was sent.
 */
@RestController
class WebhookController {

    private final WebhookIntake intake;
    private final QueryGateway queries;

    WebhookController(WebhookIntake intake, QueryGateway queries) {
        this.intake = intake;
        this.queries = queries;
    }

    @PostMapping("/api/webhooks/stripe")
    Map<String, Object> stripe(@RequestBody(required = false) byte[] body, @RequestHeader HttpHeaders headers) {
        return answer(intake.receive(PaymentProvider.STRIPE, orEmpty(body), headers));
    }

    @PostMapping("/api/webhooks/lemonsqueezy")
    Map<String, Object> lemonSqueezy(@RequestBody(required = false) byte[] body, @RequestHeader HttpHeaders headers) {
        return answer(intake.receive(PaymentProvider.LEMONSQUEEZY, orEmpty(body), headers));
    }

    /** {@code deliveryIds} to retry, or every failed delivery when none are named. */
    record RetryRequest(List<String> deliveryIds) {}

    @PostMapping("/api/webhooks/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> retry(Principal operator, @RequestBody(required = false) RetryRequest request) {
        List<String> ids = request == null || request.deliveryIds() == null || request.deliveryIds().isEmpty()
                ? queries.query(new FindFailedWebhooks(), ResponseTypes.multipleInstancesOf(String.class)).join()
                : request.deliveryIds();
        List<Map<String, Object>> retried = new ArrayList<>();
        List<String> notFailed = new ArrayList<>();
        for (String id : ids) {
            WebhookIntake.Outcome outcome = intake.retry(id, UserId.of(operator.getName()));
            if (outcome == null) {
                notFailed.add(id);
            } else {
                retried.add(answer(outcome));
            }
        }
        return Map.of("retried", retried, "notFailed", notFailed);
    }

    private static Map<String, Object> answer(WebhookIntake.Outcome outcome) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("received", true);
        answer.put("deliveryId", outcome.deliveryId());
        answer.put("duplicate", outcome.duplicate());
        answer.put("status", outcome.status() == null ? null : outcome.status().wireName());
        if (outcome.error() != null) {
            answer.put("error", outcome.error());
        }
        return answer;
    }

    private static byte[] orEmpty(byte[] body) {
        return body == null ? new byte[0] : body;
    }
}
