/** Metering housekeeping the whole platform shares: closing AI requests whose instance died mid-call. */
package com.flowmatik.app.metering;
