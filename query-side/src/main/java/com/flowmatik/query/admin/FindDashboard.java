package com.flowmatik.query.admin;

import java.time.Instant;

/** Finds the operators' dashboard as of an instant: "today" and "this month" are its UTC day and month. */
public record FindDashboard(Instant asOf) {}
