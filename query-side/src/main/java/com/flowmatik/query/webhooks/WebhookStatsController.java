package com.flowmatik.query.webhooks;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/webhooks/stats} (operators only, by the security rules): deliveries counted, with the last error. */
@RestController
class WebhookStatsController {

    private final QueryGateway queries;

    WebhookStatsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/webhooks/stats")
    WebhookStats stats() {
        return queries.query(new FindWebhookStats(), ResponseTypes.instanceOf(WebhookStats.class))
                .join();
    }
}
