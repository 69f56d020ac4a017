package com.flowmatik.api.identity;

/**
 * What a sign-in needs to know about an account. Never leaves the backend: the password hash is
 * compared at the web edge and the answer to the client is a token.
 */
public record Credentials(UserId userId, String passwordHash, Role role, boolean active, int credentialsVersion) {}
