package com.flowmatik.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flowmatik.app.startup.SettingRefused;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** API keys: what a key looks like, that only its keyed hash identifies it, and the secret's rules. */
class ApiKeySecretTest {

    private static final byte[] SECRET = "an-api-key-secret-of-32-bytes-at-least!!".getBytes(StandardCharsets.UTF_8);

    @Test
    void aKeyIsFmkAnd256RandomBitsWithAShortPrefixAndAKeyedHash() {
        ApiKeys keys = new ApiKeys(SECRET);

        ApiKeys.NewApiKey first = keys.issue();
        ApiKeys.NewApiKey second = keys.issue();

        assertThat(first.key()).matches("fmk_[A-Za-z0-9_-]{43}");
        assertThat(first.prefix()).isEqualTo(first.key().substring(0, 12));
        assertThat(first.hash()).matches("[0-9a-f]{64}").isEqualTo(keys.hash(first.key()));
        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(new ApiKeys("another-secret-of-32-bytes-at-least-too!".getBytes(StandardCharsets.UTF_8))
                        .hash(first.key()))
                .isNotEqualTo(first.hash());
        assertThat(first.toString()).doesNotContain(first.key());
    }

    @Test
    void productionRefusesToStartWithoutASecret() {
        assertThatThrownBy(() -> ApiKeyConfiguration.secret("", true, () -> SECRET))
                .isInstanceOfSatisfying(
                        SettingRefused.class,
                        refused -> assertThat(refused.setting()).isEqualTo("FLOWMATIK_API_KEY_SECRET"));
    }

    @Test
    void aShortSecretIsRefusedInEveryEnvironment() {
        assertThatThrownBy(() -> ApiKeyConfiguration.secret("short", false, () -> SECRET))
                .isInstanceOfSatisfying(
                        SettingRefused.class,
                        refused -> assertThat(refused.getMessage()).contains("40 bits"));
    }

    @Test
    void developmentDerivesASecretFromTheTokenKeyButNotTheTokenKeyItself() {
        byte[] derived = ApiKeyConfiguration.secret(null, false, () -> SECRET);

        assertThat(derived).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(SECRET);
        assertThat(ApiKeyConfiguration.secret(null, false, () -> SECRET)).isEqualTo(derived);
    }
}
