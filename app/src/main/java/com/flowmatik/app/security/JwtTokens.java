package com.flowmatik.app.security;

import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.app.startup.SettingRefused;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SignatureException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Issues and verifies the platform's tokens: HS256 only, with {@code sub} (user id), {@code jti},
 * {@code role}, {@code ver} (the account's credentials version), issue and expiry times. A token of
 * any other algorithm, including {@code none}, is refused.
 *
 * <p>A client sends the same token with every request, so a token that verified is remembered
 * (by its exact text, which only the key could have signed) until it expires, at most
 * {@value #REMEMBERED} of them: parsing and checking it again cost about a tenth of a metered chat's
 * request thread. Revocation is not decided here: the denylist and the credentials version are
 * checked on every request by the caller.
 */
public class JwtTokens {

    static final String ALGORITHM = "HS256";
    static final int MIN_KEY_BITS = 256;
    private static final String ROLE_CLAIM = "role";
    private static final String VERSION_CLAIM = "ver";

    static final int REMEMBERED = 100_000;

    private final SecretKey key;
    private final JwtProperties properties;
    private final Clock clock;
    private final JwtParser parser;
    private final Cache<String, AuthenticatedUser> verified =
            Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    public JwtTokens(byte[] secret, JwtProperties properties, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secret);
        this.properties = properties;
        this.clock = clock;
        this.parser = Jwts.parser()
                .verifyWith(key)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(properties.clockSkew().toSeconds())
                .build();
    }

    public static byte[] keyBytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Refuses a secret that would make weak tokens, and a missing one in production (elsewhere a
     * development key stands in). Checked before the start and again where the key is made.
     */
    public static void checkSecret(String secret, boolean production) {
        if (secret == null || secret.isBlank()) {
            if (production) {
                throw new SettingRefused(
                        "JWT_SECRET",
                        "is not set: production signs its tokens with it",
                        "Set JWT_SECRET to at least 32 random bytes, e.g. JWT_SECRET=$(openssl rand -base64 48).");
            }
            return;
        }
        int bits = keyBytes(secret).length * 8;
        if (bits < MIN_KEY_BITS) {
            throw new SettingRefused(
                    "JWT_SECRET",
                    "is " + bits + " bits long: tokens need a key of at least " + MIN_KEY_BITS + " bits (32 bytes)",
                    "Set JWT_SECRET to at least 32 random bytes, e.g. JWT_SECRET=$(openssl rand -base64 48).");
        }
    }

    public IssuedToken issue(UserId userId, Role role, int credentialsVersion) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.expiresIn());
        String token = Jwts.builder()
                .subject(userId.value())
                .id(UUID.randomUUID().toString())
                .claim(ROLE_CLAIM, role.wireName())
                .claim(VERSION_CLAIM, credentialsVersion)
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedToken(token, expiresAt);
    }

    public AuthenticatedUser verify(String token) {
        AuthenticatedUser known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isAfter(known.expiresAt().plus(properties.clockSkew()))) {
                verified.invalidate(token);
                throw new InvalidTokenException("token has expired", null);
            }
            return known;
        }
        AuthenticatedUser user = parse(token);
        verified.put(token, user);
        return user;
    }

    private AuthenticatedUser parse(String token) {
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
                throw new InvalidTokenException("token algorithm is not " + ALGORITHM, null);
            }
            Claims claims = jws.getPayload();
            Integer version = claims.get(VERSION_CLAIM, Integer.class);
            if (claims.getSubject() == null
                    || claims.getId() == null
                    || claims.getExpiration() == null
                    || version == null) {
                throw new InvalidTokenException("token lacks sub, jti, ver or exp", null);
            }
            return new AuthenticatedUser(
                    UserId.of(claims.getSubject()),
                    Role.fromWireName(claims.get(ROLE_CLAIM, String.class)),
                    claims.getId(),
                    claims.getExpiration().toInstant(),
                    version);
        } catch (ExpiredJwtException expired) {
            throw new InvalidTokenException("token has expired", expired);
        } catch (SignatureException otherKey) {
            throw new InvalidTokenException(
                    "token was signed with another key (JWT_SECRET has changed since, or it is another deployment's)",
                    otherKey);
        } catch (MalformedJwtException malformed) {
            throw new InvalidTokenException("token is not a well-formed JWT", malformed);
        } catch (JwtException | IllegalArgumentException | NullPointerException invalid) {
            throw new InvalidTokenException("token is not valid", invalid);
        }
    }
}
