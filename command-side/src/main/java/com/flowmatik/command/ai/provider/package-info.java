/**
 * The gateway to AI providers: one {@link com.flowmatik.command.ai.provider.AiProvider} speaking the
 * OpenAI wire format to a configured base URL (SiliconFlow by default), or the offline provider when
 * no API key is set, and the model catalogue with the prices that turn reported usage into cost.
 * Nothing here decides quotas or records events; it calls the provider and reports what it said.
 */
package com.flowmatik.command.ai.provider;
