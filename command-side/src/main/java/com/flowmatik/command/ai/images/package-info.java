/**
 * Generated images kept by the platform: a provider's image URL expires within hours, so the bytes
 * are stored and served to their owner at {@code /api/ai/images/{id}}.
 */
package com.flowmatik.command.ai.images;
