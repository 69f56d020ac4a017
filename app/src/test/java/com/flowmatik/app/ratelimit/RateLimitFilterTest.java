package com.flowmatik.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.app.security.AuthenticatedUser;
import com.flowmatik.app.web.ProblemWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    private static final RateLimitProperties LIMITS = new RateLimitProperties(5, 8, 3, null);
    private static final String ADDRESS = "203.0.113.7";

    private final SteppedClock clock = new SteppedClock();
    private final InProcessBuckets buckets = new InProcessBuckets(clock);
    private final ProblemWriter problems =
            new ProblemWriter(JsonMapper.builder().build());
    private final RateLimitFilter filter = new RateLimitFilter(LIMITS, buckets, problems);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void signInCostsTheAddressAuthBudgetOnly() throws Exception {
        MockHttpServletResponse response = send("POST", "/api/auth/login");

        assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(buckets.tryConsume(LIMITS.ip(), ADDRESS).getRemainingTokens())
                .isEqualTo(7);
    }

    @Test
    void anEncodedPathToSignInIsStillSignIn() throws Exception {
        MockHttpServletResponse response = send("POST", "/api/auth/log%69n");

        assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("3");
    }

    @Test
    void theFourthSignInWithinAMinuteIsRefusedWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/auth/login").getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = send("POST", "/api/auth/login");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
        assertThat(refused.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("/rate-limited");
    }

    @Test
    void aSignedInRequestCostsTheUserAndTheAddressBudgetAndReportsTheTighter() throws Exception {
        signIn("user-1");

        MockHttpServletResponse response = send("GET", "/api/auth/me");

        assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(buckets.tryConsume(LIMITS.ip(), ADDRESS).getRemainingTokens())
                .isEqualTo(6);
    }

    @Test
    void aUserOverTheirLimitDoesNotDrainTheAddressBudget() throws Exception {
        signIn("user-1");
        for (int i = 0; i < 5; i++) {
            send("GET", "/api/auth/me");
        }

        MockHttpServletResponse refused = send("GET", "/api/auth/me");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(buckets.tryConsume(LIMITS.ip(), ADDRESS).getRemainingTokens())
                .isEqualTo(2);
    }

    @Test
    void healthActuatorAndDocsAreNotLimited() throws Exception {
        for (String path : List.of("/health", "/actuator/health", "/v3/api-docs", "/swagger-ui/index.html")) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(request("GET", path), response, chain);

            assertThat(chain.getRequest()).as(path).isNotNull();
            assertThat(response.getHeader("X-RateLimit-Limit")).as(path).isNull();
        }
    }

    private MockHttpServletResponse send(String method, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(method, path), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(ADDRESS);
        return request;
    }

    private static void signIn(String userId) {
        Instant expiresAt = Instant.parse("2030-01-01T00:00:00Z");
        AuthenticatedUser user = new AuthenticatedUser(new UserId(userId), Role.USER, "token-1", expiresAt, 0);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }
}
