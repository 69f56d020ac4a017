package com.flowmatik.app.ratelimit;

import com.flowmatik.app.security.AuthenticatedUser;
import com.flowmatik.app.security.SecurityConfiguration;
import com.flowmatik.app.web.ProblemType;
import com.flowmatik.app.web.ProblemWriter;
import com.flowmatik.app.web.Problems;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Charges every {@code /api/**} request to its budgets and answers 429 with {@code Retry-After}
 * when one is spent. Sign-up, sign-in and password reset cost the address's auth budget only;
 * everything else costs the signed-in user's budget first (so that a user over their limit does not
 * also drain the budget of everyone behind the same address), then the address's. Health, actuator
 * and API docs are not limited.
 *
 * <p>It has no order, so it runs after Spring Security's filter chain and sees the caller that
 * chain authenticated; requests that chain refuses (401, 403) are therefore not counted. The
 * client address is the remote address: behind a proxy, {@code SERVER_FORWARD_HEADERS_STRATEGY}
 * makes it the proxy's {@code X-Forwarded-For}, and only then, so clients cannot choose it.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/api/**");
    /**
     * The public endpoints of {@code SecurityConfiguration}, matched the same way Spring Security and
     * Spring MVC match them (decoded path), so that {@code /api/auth/log%69n} is no way around.
     */
    private static final RequestMatcher AUTH = new OrRequestMatcher(Arrays.stream(SecurityConfiguration.PUBLIC_POSTS)
            .map(path -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(HttpMethod.POST, path))
            .toList());

    private final RateLimitProperties limits;
    private final RateLimitBuckets buckets;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimitProperties limits, RateLimitBuckets buckets, ProblemWriter problems) {
        this.limits = limits;
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !API.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limit tightest = null;
        ConsumptionProbe tightestProbe = null;
        for (Charge charge : chargesFor(request)) {
            ConsumptionProbe probe = buckets.tryConsume(charge.limit(), charge.subject());
            if (!probe.isConsumed()) {
                refuse(response, charge.limit(), probe);
                return;
            }
            if (tightestProbe == null || probe.getRemainingTokens() < tightestProbe.getRemainingTokens()) {
                tightest = charge.limit();
                tightestProbe = probe;
            }
        }
        describe(response, tightest, tightestProbe.getRemainingTokens());
        chain.doFilter(request, response);
    }

    private List<Charge> chargesFor(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (AUTH.matches(request)) {
            return List.of(new Charge(limits.auth(), address));
        }
        List<Charge> charges = new ArrayList<>(2);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            charges.add(new Charge(limits.user(), user.userId().value()));
        }
        charges.add(new Charge(limits.ip(), address));
        return charges;
    }

    private void refuse(HttpServletResponse response, Limit limit, ConsumptionProbe probe) throws IOException {
        long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        describe(response, limit, 0);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        problems.write(
                response,
                Problems.of(
                        ProblemType.RATE_LIMITED,
                        "More than " + limit.perMinute() + " " + limit.counts() + " a minute; try again in "
                                + retryAfterSeconds + " s"));
    }

    private static void describe(HttpServletResponse response, Limit limit, long remaining) {
        response.setHeader(LIMIT_HEADER, Long.toString(limit.perMinute()));
        response.setHeader(REMAINING_HEADER, Long.toString(remaining));
    }

    /** One token from the bucket of {@code subject} (a user id or an address) under a limit. */
    private record Charge(Limit limit, String subject) {}
}
