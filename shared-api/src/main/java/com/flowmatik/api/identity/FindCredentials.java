package com.flowmatik.api.identity;

/** Finds what a sign-in checks for an e-mail address; answers an empty optional for an unknown one. */
public record FindCredentials(String email) {}
