/**
 * Accounts: the {@code UserAccount} aggregate and the e-mail registry that keeps addresses unique
 * (set-based validation in the same transaction as the event).
 */
package com.flowmatik.command.identity;
