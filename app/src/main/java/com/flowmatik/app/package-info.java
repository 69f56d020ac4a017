/**
 * The deployable around the two sides: runtime modes, the web edge (security, errors, request ids,
 * health) and the wiring of whichever sides this process runs.
 */
package com.flowmatik.app;
