package com.flowmatik.app.security;

import com.flowmatik.api.identity.AccountStatus;
import com.flowmatik.api.identity.Role;
import com.flowmatik.app.web.ProblemType;
import com.flowmatik.app.web.ProblemWriter;
import com.flowmatik.app.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries an API key ({@code Authorization: Bearer fmk_…} or
 * {@code X-API-Key}) as the key's owner, on the endpoints a program may call: the AI, usage and
 * conversation endpoints, MCP and {@code GET /api/auth/me}. Anywhere else (account, payment and
 * admin endpoints) a key is refused with 403, so a leaked key cannot change the account, pay, or
 * make keys. A key acts with a paying user's rights at most: an operator's key carries no admin role.
 * An unknown or revoked key leaves the request anonymous and notes why, for the 401.
 */
@Component
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = ApiKeyScope.HEADER;
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final ApiKeyHolders holders;
    private final AccountStatuses accounts;
    private final ApiKeyUses uses;
    private final KnownPaths knownPaths;
    private final ProblemWriter problems;
    private final Clock clock;

    ApiKeyAuthenticationFilter(
            ApiKeys keys,
            ApiKeyHolders holders,
            AccountStatuses accounts,
            ApiKeyUses uses,
            KnownPaths knownPaths,
            ProblemWriter problems,
            Clock clock) {
        this.keys = keys;
        this.holders = holders;
        this.accounts = accounts;
        this.uses = uses;
        this.knownPaths = knownPaths;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = apiKey(request);
        if (key == null || !knownPaths.isKnown(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!acceptsKeys(request)) {
            problems.write(
                    response,
                    Problems.of(
                            ProblemType.FORBIDDEN,
                            "An API key is not accepted here: account, payment and admin endpoints need a signed-in user"));
            return;
        }
        Optional<ApiKeyHolders.Holder> holder = holders.of(keys.hash(key));
        Optional<AccountStatus> status = holder.flatMap(found -> accounts.of(found.userId()));
        if (holder.isEmpty()) {
            request.setAttribute(JwtAuthenticationFilter.FAILURE_ATTRIBUTE, "the API key is unknown or revoked");
        } else if (status.isEmpty() || !status.get().active()) {
            request.setAttribute(JwtAuthenticationFilter.FAILURE_ATTRIBUTE, "account is not active");
        } else {
            Role role = status.get().role() == Role.ADMIN
                    ? Role.PREMIUM
                    : status.get().role();
            AuthenticatedUser user = new AuthenticatedUser(
                    holder.get().userId(),
                    role,
                    "api-key:" + holder.get().keyId(),
                    null,
                    status.get().credentialsVersion());
            var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
            uses.used(holder.get().keyId(), clock.instant());
        }
        chain.doFilter(request, response);
    }

    /** The key of {@code X-API-Key}, or of {@code Authorization} when it is a key rather than a JWT. */
    private static String apiKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String credential = authorization.substring(BEARER.length()).strip();
            return ApiKeys.isApiKey(credential) ? credential : null;
        }
        return null;
    }

    /** The endpoints a key may call; every other one, including any added later, refuses keys. */
    static boolean acceptsKeys(HttpServletRequest request) {
        return ApiKeyScope.accepts(
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()));
    }
}
