/**
 * How the write side says "no": a business rule violation with a stable error code that survives
 * the trip through a distributed command bus and maps to one problem type at the web edge.
 */
package com.flowmatik.api.refusal;
