/**
 * The webhooks read model ({@code webhooks} processing group): every provider delivery and where
 * its processing stands, the failed ones for a retry, and the operators' statistics.
 */
package com.flowmatik.query.webhooks;
