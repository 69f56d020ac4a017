package com.flowmatik.app.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A profile change. Only the fields listed here are read: a body that also sends {@code role} or
 * {@code plan} changes neither.
 */
public record ProfileRequest(@NotBlank @Size(max = 100) String name) {}
