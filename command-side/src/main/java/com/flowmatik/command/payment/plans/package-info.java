/** The plans on sale and the payment providers' settings: prices, price ids, variants, secrets. */
package com.flowmatik.command.payment.plans;
