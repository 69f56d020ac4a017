package com.flowmatik.api.identity;

/** What every authenticated request checks about its user; answers an empty optional for none. */
public record FindAccountStatus(UserId userId) {}
