package com.flowmatik.query.payments;

import com.flowmatik.api.identity.UserId;

/** Finds the payment methods a user has on file, the default first. Asked only by this side's own controller. */
record FindPaymentMethods(UserId userId) {}
