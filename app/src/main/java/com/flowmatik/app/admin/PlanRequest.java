package com.flowmatik.app.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The plan to put a user on. */
public record PlanRequest(
        @NotNull @Pattern(regexp = "free|starter|pro|business", message = "must be free, starter, pro or business") String plan) {}
