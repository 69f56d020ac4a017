package com.flowmatik.query.admin;

import java.time.LocalDate;

/** Finds the operators' figures of each of the {@code days} UTC days that end with {@code lastDay}. */
public record FindDailySeries(LocalDate lastDay, int days) {}
