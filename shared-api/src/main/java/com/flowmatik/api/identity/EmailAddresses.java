package com.flowmatik.api.identity;

import java.util.Locale;

/** The one normal form of an e-mail address, used for uniqueness and for sign-in alike. */
public final class EmailAddresses {

    private EmailAddresses() {}

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
