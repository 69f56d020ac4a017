package com.flowmatik.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>}. A token that does not
 * verify leaves the request anonymous and notes why, so the entry point can say it in the 401.
 */
class JwtAuthenticationFilter extends OncePerRequestFilter {

    static final String FAILURE_ATTRIBUTE = JwtAuthenticationFilter.class.getName() + ".failure";
    private static final String BEARER = "Bearer ";

    private final JwtTokens tokens;

    JwtAuthenticationFilter(JwtTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                AuthenticatedUser user = tokens.verify(header.substring(BEARER.length()).trim());
                var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
                var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
                SecurityContextHolder.getContext().setAuthentication(authentication);
            } catch (InvalidTokenException invalid) {
                request.setAttribute(FAILURE_ATTRIBUTE, invalid.getMessage());
            }
        }
        chain.doFilter(request, response);
    }
}
