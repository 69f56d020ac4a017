package com.flowmatik.app.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new API key: only its name, which tells the owner's keys apart in their list. */
public record ApiKeyRequest(@NotBlank @Size(max = 100) String name) {}
