package com.flowmatik.app.ids;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.springframework.util.IdGenerator;

/**
 * Random (version 4) UUIDs from a few DRBGs that threads share, each picked at random per id.
 *
 * <p>{@link UUID#randomUUID()} draws from one NativePRNG whose lock every thread of the JVM shares. A
 * metered chat takes a dozen ids (its request, every command, event and result message), and under
 * the chat benchmark (JFR, {@code jdk.JavaMonitorEnter}) the HTTP threads spent about 185 s of a
 * 40-s run waiting for that lock, the projections' workers another 11 s. Several generators, four
 * per core, give the same strength with next to no waiting; a generator per thread did too, but on
 * virtual threads (a new thread per request) it meant seeding a new DRBG for every request.
 */
public final class RandomUuids implements IdGenerator {

    /** Ids drawn from a generator at once: one call per 64 ids instead of one per id. */
    static final int IDS_PER_DRAW = 64;

    private static final Draw[] DRAWS = IntStream.range(
                    0, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()))
            .mapToObj(stripe -> new Draw())
            .toArray(Draw[]::new);

    /** A new random UUID. */
    public static UUID next() {
        Draw draw = DRAWS[ThreadLocalRandom.current().nextInt(DRAWS.length)];
        synchronized (draw) {
            return draw.next();
        }
    }

    @Override
    public UUID generateId() {
        return next();
    }

    /**
     * A generator and the random bytes it drew last. A DRBG call costs about the same for 16 bytes
     * as for a kilobyte (it hashes its state again after each call): drawing 64 ids at a time made
     * an id about 8 times cheaper (~320 ns to ~43 ns on this machine). Each byte is used once.
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
