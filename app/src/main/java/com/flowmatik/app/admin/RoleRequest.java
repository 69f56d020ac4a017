package com.flowmatik.app.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The role to give a user. */
public record RoleRequest(
        @NotNull @Pattern(regexp = "user|premium|admin", message = "must be user, premium or admin") String role) {}
