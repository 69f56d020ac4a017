package com.flowmatik.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes API keys and the keyed hash they are stored and found by. A key is {@value #PREFIX} and 256
 * random bits in base64url; being random, it needs no slow hash (bcrypt is for guessable passwords),
 * and an HMAC-SHA256 under a secret of the platform's own means a copy of the database alone cannot
 * confirm a key.
 */
public class ApiKeys {

    public static final String PREFIX = "fmk_";
    /** The characters of a key shown in lists so its owner can tell keys apart: the prefix and 8 more. */
    static final int SHOWN_LENGTH = PREFIX.length() + 8;

    private static final int RANDOM_BYTES = 32;

    private final SecretKeySpec secret;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(byte[] secret) {
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A new key, its shown prefix and its hash; the key is handed to its owner once and kept nowhere. */
    public NewApiKey issue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new NewApiKey(key, key.substring(0, SHOWN_LENGTH), hash(key));
    }

    /** The key's HMAC-SHA256 in hex: the only form in which a key is stored. */
    public String hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }

    /** Whether a bearer credential is an API key rather than a JWT (which never starts this way). */
    static boolean isApiKey(String credential) {
        return credential != null && credential.startsWith(PREFIX);
    }

    /** A key as it is made: {@code key} is shown once; {@code prefix} and {@code hash} are kept. */
    public record NewApiKey(String key, String prefix, String hash) {

        @Override
        public String toString() {
            return "NewApiKey[prefix=" + prefix + "]";
        }
    }
}
