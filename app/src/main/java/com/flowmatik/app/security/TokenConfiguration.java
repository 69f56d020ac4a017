package com.flowmatik.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The token key. Production ({@code FLOWMATIK_ENV=production}) refuses to start without a
 * {@code JWT_SECRET} of at least 256 bits. Elsewhere a missing secret is replaced by a development
 * key made once and kept in the data directory ({@code FLOWMATIK_DATA_DIR/jwt-secret}), so that a
 * newcomer starts with no setup and stays signed in across restarts.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    static final String DEVELOPMENT_KEY_FILE = "jwt-secret";
    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    JwtTokens jwtTokens(
            JwtProperties properties,
            Clock clock,
            @Value("${flowmatik.environment}") String environment,
            @Value("${FLOWMATIK_DATA_DIR:./data}") String dataDir) {
        return new JwtTokens(keyBytes(properties.secret(), environment, Path.of(dataDir)), properties, clock);
    }

    static byte[] keyBytes(String secret, String environment, Path dataDir) {
        JwtTokens.checkSecret(secret, "production".equalsIgnoreCase(environment));
        if (secret == null || secret.isBlank()) {
            return developmentKey(dataDir.resolve(DEVELOPMENT_KEY_FILE));
        }
        return JwtTokens.keyBytes(secret);
    }

    /** The key kept in {@code file}, made there first if there is none. */
    private static byte[] developmentKey(Path file) {
        try {
            if (Files.notExists(file)) {
                byte[] random = new byte[64];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    return read(file);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(random));
                log.info("JWT_SECRET is not set: made a development key in {}; set JWT_SECRET in production", file);
                return random;
            }
            log.info("JWT_SECRET is not set: signing tokens with the development key in {}", file);
            return read(file);
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot keep the development JWT key in " + file, unwritable);
        }
    }

    private static byte[] read(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file).strip());
    }
}
