package com.flowmatik.command.webhook;

/**
 * A verified delivery that cannot be applied, or not yet: it is recorded as failed with this
 * message and can be retried once the reason is gone (a customer linked, a price configured).
 */
class WebhookNotApplicable extends RuntimeException {

    WebhookNotApplicable(String message) {
        super(message);
    }
}
