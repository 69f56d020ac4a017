package com.flowmatik.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.app.startup.SettingRefused;
import com.flowmatik.app.support.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenConfigurationTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dataDir;

    @Test
    void productionRefusesToStartWithoutASecretNamingIt() {
        assertThatThrownBy(() -> TokenConfiguration.keyBytes(null, "production", dataDir))
                .isInstanceOfSatisfying(SettingRefused.class, refused -> {
                    assertThat(refused.setting()).isEqualTo("JWT_SECRET");
                    assertThat(refused.action()).contains("openssl rand");
                });
        assertThat(dataDir.resolve(TokenConfiguration.DEVELOPMENT_KEY_FILE)).doesNotExist();
    }

    @Test
    void aSecretUnder256BitsIsRefusedEverywhere() {
        assertThatThrownBy(() -> TokenConfiguration.keyBytes("too-short", "development", dataDir))
                .isInstanceOf(SettingRefused.class)
                .hasMessage("JWT_SECRET is 72 bits long: tokens need a key of at least 256 bits (32 bytes)");
    }

    @Test
    void developmentWithoutASecretKeepsOneKeyInTheDataDirAcrossRestarts() {
        byte[] first = TokenConfiguration.keyBytes("", "development", dataDir);
        byte[] afterRestart = TokenConfiguration.keyBytes(null, "development", dataDir);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(afterRestart).isEqualTo(first);
        assertThat(dataDir.resolve(TokenConfiguration.DEVELOPMENT_KEY_FILE)).isRegularFile();
        assertThat(TokenConfiguration.keyBytes("", "development", dataDir.resolve("other")))
                .isNotEqualTo(first);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedSayingSo() {
        JwtProperties properties = new JwtProperties(SECRET, Duration.ofHours(1), Duration.ofSeconds(30));
        String token = new JwtTokens(SECRET.getBytes(), properties, Clock.systemUTC())
                .issue(UserId.of("u-1"), Role.USER, 0)
                .token();
        JwtTokens restartedWithAnotherKey =
                new JwtTokens("another-key-another-key-another-key".getBytes(), properties, Clock.systemUTC());

        assertThatThrownBy(() -> restartedWithAnotherKey.verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("signed with another key");
    }

    @Test
    void aTokenCarriesSubjectRoleAndIdAndExpiresAfterTheConfiguredTime() {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        JwtProperties properties = new JwtProperties(SECRET, Duration.ofHours(12), Duration.ofSeconds(30));
        JwtTokens tokens = new JwtTokens(SECRET.getBytes(), properties, Clock.fixed(now, ZoneOffset.UTC));

        IssuedToken issued = tokens.issue(UserId.of("u-1"), Role.PREMIUM, 3);
        AuthenticatedUser user = tokens.verify(issued.token());

        assertThat(issued.expiresAt()).isEqualTo(now.plus(Duration.ofHours(12)));
        assertThat(user.userId()).isEqualTo(UserId.of("u-1"));
        assertThat(user.role()).isEqualTo(Role.PREMIUM);
        assertThat(user.tokenId()).isNotBlank();
        assertThat(user.credentialsVersion()).isEqualTo(3);
    }

    @Test
    void aTokenIsRefusedOnceItsExpiryAndTheSkewHavePassed() {
        Instant issuedAt = Instant.parse("2026-11-29T10:00:00Z");
        JwtProperties properties = new JwtProperties(SECRET, Duration.ofMinutes(30), Duration.ofSeconds(30));
        String token = new JwtTokens(SECRET.getBytes(), properties, Clock.fixed(issuedAt, ZoneOffset.UTC))
                .issue(UserId.of("u-1"), Role.USER, 0)
                .token();

        JwtTokens withinSkew = new JwtTokens(
                SECRET.getBytes(),
                properties,
                Clock.fixed(issuedAt.plus(Duration.ofMinutes(30)).plusSeconds(20), ZoneOffset.UTC));
        JwtTokens pastSkew = new JwtTokens(
                SECRET.getBytes(),
                properties,
                Clock.fixed(issuedAt.plus(Duration.ofMinutes(30)).plusSeconds(31), ZoneOffset.UTC));

        assertThat(withinSkew.verify(token).userId()).isEqualTo(UserId.of("u-1"));
        assertThatThrownBy(() -> pastSkew.verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aRememberedTokenIsStillRefusedOnceItHasExpired() {
        JwtProperties properties = new JwtProperties(SECRET, Duration.ofMinutes(30), Duration.ofSeconds(30));
        MutableClock clock = new MutableClock();
        JwtTokens tokens = new JwtTokens(SECRET.getBytes(), properties, clock);
        String token = tokens.issue(UserId.of("u-1"), Role.USER, 0).token();

        AuthenticatedUser first = tokens.verify(token);
        AuthenticatedUser again = tokens.verify(token);
        clock.advance(Duration.ofMinutes(30).plusSeconds(31));

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.verify(token + "x"))
                .as("another text is verified, not looked up")
                .isInstanceOf(InvalidTokenException.class);
    }
}
