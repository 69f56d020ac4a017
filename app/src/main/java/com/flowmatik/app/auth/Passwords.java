package com.flowmatik.app.auth;

import com.flowmatik.app.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with BCrypt. An unknown account is checked against a dummy hash so
 * that a wrong e-mail costs the same time as a wrong password.
 */
@Component
public class Passwords {

    static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder;
    private final String dummyHash;

    public Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.dummyHash = encoder.encode("flowmatik-timing-equaliser");
    }

    public String hash(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiProblem.invalidField(field, "must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        return encoder.encode(password);
    }

    /** Whether the password matches the hash; with no hash, spends the same time and says no. */
    public boolean matches(String password, String hashOrNull) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            encoder.matches("x", dummyHash);
            return false;
        }
        boolean matches = encoder.matches(password, hashOrNull == null ? dummyHash : hashOrNull);
        return hashOrNull != null && matches;
    }
}
