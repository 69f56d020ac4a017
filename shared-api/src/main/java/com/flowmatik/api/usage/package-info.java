/**
 * Metered AI use: each request is started against the plan's daily limits (UTC day), completed
 * with the provider's own token counts, and charged in micro-dollars from the model's price table.
 */
package com.flowmatik.api.usage;
