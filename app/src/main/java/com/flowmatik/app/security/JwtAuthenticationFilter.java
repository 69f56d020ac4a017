package com.flowmatik.app.security;

import com.flowmatik.api.identity.AccountStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>}: the signature and
 * expiry, then whether the token was signed out, whether the account is still active, and whether
 * the password has changed since the token was issued. The role is the account's current one. A
 * token that does not pass leaves the request anonymous and notes why, for the 401.
 */
class JwtAuthenticationFilter extends OncePerRequestFilter {

    static final String FAILURE_ATTRIBUTE = JwtAuthenticationFilter.class.getName() + ".failure";
    private static final String BEARER = "Bearer ";
    private static final String ACCESS_TOKEN = "access_token";
    /** The subprotocol a browser names, the token after it, to keep the token out of the socket's address. */
    private static final String BEARER_SUBPROTOCOL = "bearer";

    private final JwtTokens tokens;
    private final TokenDenylist denylist;
    private final AccountStatuses accounts;

    JwtAuthenticationFilter(JwtTokens tokens, TokenDenylist denylist, AccountStatuses accounts) {
        this.tokens = tokens;
        this.denylist = denylist;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearerToken(request);
        // an API key in the same header is ApiKeyAuthenticationFilter's
        if (token != null && !ApiKeys.isApiKey(token)) {
            try {
                AuthenticatedUser user = admit(tokens.verify(token));
                var authorities =
                        List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
                var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
                SecurityContextHolder.getContext().setAuthentication(authentication);
            } catch (InvalidTokenException invalid) {
                request.setAttribute(FAILURE_ATTRIBUTE, invalid.getMessage());
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The token of the {@code Authorization} header; for a WebSocket handshake, whose headers a
     * browser cannot set, also {@code Sec-WebSocket-Protocol: bearer, <token>} or the
     * {@code access_token} parameter.
     */
    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).trim();
        }
        String sockets = request.getContextPath() + "/ws";
        String path = request.getRequestURI();
        if (path.equals(sockets) || path.startsWith(sockets + "/")) {
            String[] protocols =
                    String.valueOf(request.getHeader("Sec-WebSocket-Protocol")).split(",");
            if (protocols.length == 2 && protocols[0].trim().equals(BEARER_SUBPROTOCOL)) {
                return protocols[1].trim();
            }
            return request.getParameter(ACCESS_TOKEN);
        }
        return null;
    }

    private AuthenticatedUser admit(AuthenticatedUser user) {
        if (denylist.isRevoked(user.tokenId())) {
            throw new InvalidTokenException("token was signed out", null);
        }
        Optional<AccountStatus> status = accounts.of(user.userId());
        if (status.isEmpty() || !status.get().active()) {
            throw new InvalidTokenException("account is not active", null);
        }
        if (user.credentialsVersion() != status.get().credentialsVersion()) {
            throw new InvalidTokenException("password changed since the token was issued", null);
        }
        return user.withRole(status.get().role());
    }
}
