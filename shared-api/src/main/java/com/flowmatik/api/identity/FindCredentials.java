package com.flowmatik.api.identity;

/**
 * Finds what a sign-in or a password check needs, by e-mail address or by user id (one of them);
 * answers an empty optional for an unknown account.
 */
public record FindCredentials(String email, UserId userId) {

    public static FindCredentials byEmail(String email) {
        return new FindCredentials(email, null);
    }

    public static FindCredentials byUserId(UserId userId) {
        return new FindCredentials(null, userId);
    }
}
