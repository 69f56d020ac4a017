package com.flowmatik.query.admin;

import java.time.LocalDate;

/** Finds the business side of the operators' metrics: the {@code top} costliest users, revenue and MRR. */
public record FindBusinessMetrics(LocalDate today, int top) {}
