/**
 * The payments read models: each user's subscription ({@code subscriptions} processing group), and
 * their invoices and payment methods on file ({@code invoices} processing group), with the
 * {@code /api/payments} endpoints that show a user their own.
 */
package com.flowmatik.query.payments;
