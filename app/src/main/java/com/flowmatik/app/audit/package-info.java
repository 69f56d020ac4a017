/**
 * A user's billing history read from the event store itself, not from a read model: every metered
 * request, charge, refusal, plan, invoice, payment and webhook outcome of the user up to an instant,
 * and the totals they add up to then ({@code /api/admin/audit}, {@code /api/payments/billing-history}).
 */
package com.flowmatik.app.audit;
