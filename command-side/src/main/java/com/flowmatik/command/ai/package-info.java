/**
 * Metered AI: a chat turn is checked against the user's daily quota before any provider is called,
 * answered by the configured provider (or the offline one), metered from the provider's own usage,
 * and recorded in the user's conversation.
 */
package com.flowmatik.command.ai;
