package com.flowmatik.app.support;

import java.util.Locale;

/**
 * Which runtime mode the suite runs in. The same tests run twice in CI: on the embedded default,
 * and with {@code SPRING_PROFILES_ACTIVE=mysql}, {@code DATABASE_URL} and {@code REDIS_URL} set.
 */
public enum TestMode {
    EMBEDDED,
    MYSQL;

    public static TestMode current() {
        String profiles = System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "");
        return profiles.toLowerCase(Locale.ROOT).contains("mysql") ? MYSQL : EMBEDDED;
    }
}
