package com.flowmatik.app.support;

/** Secrets that exist only for tests. */
public final class TestSecrets {

    /** 48 bytes: above the 256-bit minimum. */
    public static final String JWT = "test-only-jwt-secret-0123456789-abcdefghijklmnop";

    public static final String ADMIN_EMAIL = "admin@flowmatik.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    private TestSecrets() {}
}
