package com.flowmatik.app.admin;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.webhook.FindFailedWebhooks;
import com.flowmatik.app.sides.ConditionalOnSide;
import com.flowmatik.app.sides.Side;
import com.flowmatik.command.webhook.WebhookIntake;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' retry of failed webhook deliveries. It lives in the app because "every failed
 * delivery" is a question for the read side, which the command side never asks; whether a delivery
 * may be retried is still the delivery's own decision.
 */
@RestController
@ConditionalOnSide(Side.COMMAND)
class WebhookRetryController {

    private final WebhookIntake intake;
    private final QueryGateway queries;

    WebhookRetryController(WebhookIntake intake, QueryGateway queries) {
        this.intake = intake;
        this.queries = queries;
    }

    /** {@code deliveryIds} to retry, or every failed delivery when none are named. */
    record RetryRequest(List<String> deliveryIds) {}

    @PostMapping("/api/webhooks/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> retry(Principal operator, @RequestBody(required = false) RetryRequest request) {
        List<String> ids = request == null
                        || request.deliveryIds() == null
                        || request.deliveryIds().isEmpty()
                ? queries.query(new FindFailedWebhooks(), ResponseTypes.multipleInstancesOf(String.class))
                        .join()
                : request.deliveryIds();
        List<Map<String, Object>> retried = new ArrayList<>();
        List<String> notFailed = new ArrayList<>();
        for (String id : ids) {
            WebhookIntake.Outcome outcome = intake.retry(id, UserId.of(operator.getName()));
            if (outcome == null) {
                notFailed.add(id);
            } else {
                retried.add(outcome.answer());
            }
        }
        return Map.of("retried", retried, "notFailed", notFailed);
    }
}
