package com.flowmatik.app.auth;

import java.time.Instant;

/** What sign-up and sign-in answer: a bearer token, when it expires, and the user. */
public record AuthResponse(String token, Instant expiresAt, UserResponse user) {}
