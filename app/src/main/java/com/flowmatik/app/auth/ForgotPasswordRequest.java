package com.flowmatik.app.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request for a reset link. */
public record ForgotPasswordRequest(
        @NotBlank @Email @Size(max = 254) String email) {}
