package com.flowmatik.api.identity;

/**
 * The state of an account that decides whether its tokens count: whether it is active, its
 * current role, and its credentials version, which every password change or reset raises (tokens
 * carry the version they were issued at).
 */
public record AccountStatus(UserId userId, Role role, boolean active, int credentialsVersion) {}
