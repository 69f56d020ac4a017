package com.flowmatik.app.ids;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.util.IdGenerator;

/**
 * Random (version 4) UUIDs, each thread drawing from a {@link SecureRandom} of its own.
 *
 * <p>{@link UUID#randomUUID()} draws from one NativePRNG whose lock every thread of the JVM shares. A
 * metered chat takes a dozen ids (its request, every command, event and result message), and under
 * the chat benchmark (JFR, {@code jdk.JavaMonitorEnter}) the HTTP threads spent about 185 s of a
 * 40-s run waiting for that lock, the projections' workers another 11 s. A DRBG per thread gives the
 * same strength without a shared lock.
 */
public final class RandomUuids implements IdGenerator {

    /** Ids drawn from the generator at once: one call per 64 ids instead of one per id. */
    static final int IDS_PER_DRAW = 64;

    private static final ThreadLocal<Draw> DRAWS = ThreadLocal.withInitial(Draw::new);

    /** A new random UUID. */
    public static UUID next() {
        return DRAWS.get().next();
    }

    @Override
    public UUID generateId() {
        return next();
    }

    /**
     * A thread's generator and the random bytes it drew last. A DRBG call costs about the same for
     * 16 bytes as for a kilobyte (it hashes its state again after each call): drawing 64 ids at a
     * time made an id about 8 times cheaper (~320 ns to ~43 ns on this machine). The bytes are the
     * generator's, each used once.
     */
    private static final class Draw {

        private final SecureRandom random = drbg();
        private final byte[] bytes = new byte[16 * IDS_PER_DRAW];
        private final ByteBuffer view = ByteBuffer.wrap(bytes);
        private int next = bytes.length;

        UUID next() {
            if (next == bytes.length) {
                random.nextBytes(bytes);
                next = 0;
            }
            long high = view.getLong(next);
            long low = view.getLong(next + 8);
            next += 16;
            high = (high & 0xffffffffffff0fffL) | 0x0000000000004000L; // version 4
            low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
            return new UUID(high, low);
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException absent) {
            return new SecureRandom();
        }
    }
}
