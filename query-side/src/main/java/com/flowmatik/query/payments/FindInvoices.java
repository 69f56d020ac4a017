package com.flowmatik.query.payments;

import com.flowmatik.api.identity.UserId;

/** Finds a user's invoices, newest first. Asked only by this side's own controller. */
public record FindInvoices(UserId userId) {}
