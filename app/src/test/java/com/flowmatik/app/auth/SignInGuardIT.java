package com.flowmatik.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing one account's password is held back per account, with a growing wait that the right
 * password does not skip; the address the account signed in from before is never held back.
 */
class SignInGuardIT extends IntegrationTest {

    private static final String PASSWORD = "guarded-password";

    @Test
    void afterFiveFailuresTheAccountIsHeldBackForTwiceAsLongAfterEachFurtherFailure() {
        String email = uniqueEmail("guessed");
        api.register(email, PASSWORD, "Guessed"); // signing up does not make the address a trusted one

        for (int failure = 1; failure <= SignInGuard.FREE_FAILURES + 1; failure++) {
            assertThat(signIn(email, "wrong-" + failure).status())
                    .as("failure " + failure)
                    .isEqualTo(401);
        }
        Response heldBack = signIn(email, PASSWORD);

        assertThat(heldBack.status()).as("even the right password waits").isEqualTo(429);
        assertThat(heldBack.json().path("type").asString()).endsWith("/rate-limited");
        assertThat(Long.parseLong(heldBack.header("Retry-After"))).isBetween(1L, 3L);

        CLOCK.advance(Duration.ofSeconds(3));
        assertThat(signIn(email, "wrong-again").status()).isEqualTo(401);
        CLOCK.advance(Duration.ofSeconds(3));
        assertThat(signIn(email, PASSWORD).status())
                .as("the wait doubled to 4 s")
                .isEqualTo(429);

        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(200);
        assertThat(signIn(email, "wrong-after").status())
                .as("the count starts again")
                .isEqualTo(401);
    }

    @Test
    void theWaitNeverExceedsFifteenMinutes() {
        assertThat(SignInGuard.backoff(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInGuard.backoff(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SignInGuard.backoff(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAttackerCannotLockTheUserOutOfAnAddressTheySignedInFrom() {
        String email = uniqueEmail("targeted");
        api.register(email, PASSWORD, "Targeted");
        assertThat(signIn(email, PASSWORD).status()).isEqualTo(200);

        for (int failure = 1; failure <= 3 * SignInGuard.FREE_FAILURES; failure++) {
            signIn(email, "attacker-" + failure);
        }

        assertThat(signIn(email, PASSWORD).status())
                .as("from the user's own address")
                .isEqualTo(200);
    }

    @Test
    void anAddressWithoutAnAccountIsHeldBackAlike() {
        String nobody = uniqueEmail("nobody");
        for (int failure = 1; failure <= SignInGuard.FREE_FAILURES + 1; failure++) {
            assertThat(signIn(nobody, "guess-" + failure).status()).isEqualTo(401);
        }

        assertThat(signIn(nobody, "guess").status()).isEqualTo(429);
    }

    private Response signIn(String email, String password) {
        return api.post("/api/auth/login", Map.of("email", email, "password", password), null);
    }
}
