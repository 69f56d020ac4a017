/**
 * Quotas and metering: the {@code UsageAccount} aggregate of each user counts the UTC day's
 * requests and tokens against the plan's limits and records every charge.
 */
package com.flowmatik.command.usage;
