package com.flowmatik.api.webhook;

/** Finds the ids of every delivery whose processing failed and was not retried successfully. */
public record FindFailedWebhooks() {}
