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

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomUuids::drbg);

    /** A new random UUID. */
    public static UUID next() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    @Override
    public UUID generateId() {
        return next();
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException absent) {
            return new SecureRandom();
        }
    }
}
