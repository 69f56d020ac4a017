/**
 * Dead-letter queues of the projections: an event a projection cannot handle is parked with its
 * sequence (the user's later events wait behind it) instead of stopping the whole projection, and
 * operators list and retry the parked events under {@code /api/admin/dead-letters}.
 */
package com.flowmatik.app.deadletters;
