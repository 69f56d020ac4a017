package com.flowmatik.app.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;

/**
 * A profile change. Only the fields listed here are read: a body that also sends {@code role} or
 * {@code plan} changes neither. An {@code email} is refused (400) rather than ignored, so that a
 * client never believes an address changed when it did not: the address is the sign-in name and
 * has no change flow (confirmation of the new address) yet.
 */
public record ProfileRequest(
        @NotBlank @Size(max = 100) String name,

        @Null(message = "cannot be changed through the profile; the address you signed up with stays") String email) {}
