package com.flowmatik.query.webhooks;

/** Finds the delivery statistics for the operators. Asked only by this side's own controller. */
record FindWebhookStats() {}
