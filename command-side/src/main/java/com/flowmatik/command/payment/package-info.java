/**
 * A user's subscription and billing account: the {@link com.flowmatik.command.payment.Subscription}
 * aggregate, and the saga that turns plan changes into limits and roles and ends a canceled
 * subscription when its paid period is over.
 */
package com.flowmatik.command.payment;
