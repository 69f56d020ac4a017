package com.flowmatik.api.identity;

/** Finds one user as the read side knows them; answers an empty optional when there is none. */
public record FindUser(UserId userId) {}
