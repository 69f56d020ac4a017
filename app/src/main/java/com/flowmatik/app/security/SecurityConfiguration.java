package com.flowmatik.app.security;

import com.flowmatik.app.web.EdgeProblems;
import com.flowmatik.app.web.ProblemType;
import com.flowmatik.app.web.ProblemWriter;
import com.flowmatik.app.web.Problems;
import com.flowmatik.app.web.SecurityHeaders;
import com.flowmatik.app.web.WebProperties;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Which paths need which role. Stateless: no session, no CSRF token (bearer tokens are not sent by
 * browsers on their own), no form login. Refusals are problem details like every other error.
 * Browsers may call from the origins in {@code CORS_ORIGINS} only. HSTS is sent on requests that
 * arrived over TLS (behind a proxy, with {@code SERVER_FORWARD_HEADERS_STRATEGY=native}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The endpoints anyone may call; the rate limits give them a stricter budget of their own. */
    public static final String[] PUBLIC_POSTS = {
        "/api/auth/register", "/api/auth/login", "/api/auth/forgot-password", "/api/auth/reset-password"
    };
    /** The payment providers' webhooks: their signatures, not a token, say who calls. */
    static final String[] WEBHOOKS = {"/api/webhooks/stripe", "/api/webhooks/lemonsqueezy"};

    static final String[] PUBLIC_GETS = {
        "/api/payments/plans",
        "/health",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    /** The admin console's page, scripts and styles: public files; every number they show needs an admin's token. */
    static final String[] ADMIN_CONSOLE = {"/admin", "/admin/", "/admin/**", "/webjars/**"};

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            JwtTokens tokens,
            TokenDenylist denylist,
            AccountStatuses accounts,
            ProblemWriter problems,
            KnownPaths knownPaths,
            ApiKeyAuthenticationFilter apiKeys)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(cors -> {})
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(paths -> paths
                        // the request was authorised when it began; its async dispatch (an SSE stream
                        // completing) carries no token and must not be refused halfway
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_GETS)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, ADMIN_CONSOLE)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, WEBHOOKS)
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**", "/api/webhooks/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, denied) -> {
                            Object reason = request.getAttribute(JwtAuthenticationFilter.FAILURE_ATTRIBUTE);
                            if (reason == null && !knownPaths.isKnown(request)) {
                                // a path that does not exist is not found, whether or not a token came with it
                                problems.write(response, Problems.of(ProblemType.NOT_FOUND, "No such resource"));
                                return;
                            }
                            String detail = reason != null
                                    ? "The credentials were refused: " + reason
                                    : "This endpoint needs a bearer token";
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(response, Problems.of(ProblemType.UNAUTHORIZED, detail));
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(
                                response, Problems.of(ProblemType.FORBIDDEN, "Your role does not allow this"))))
                .addFilterBefore(
                        new JwtAuthenticationFilter(tokens, denylist, accounts),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(apiKeys, JwtAuthenticationFilter.class);
        return http.build();
    }

    /** It runs inside the security filter chain only, not a second time as a filter of its own. */
    @Bean
    FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyFilterOutsideTheChain(ApiKeyAuthenticationFilter filter) {
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Spring Security observes nothing: with its observations only switched off by name
     * ({@code management.observations.enable.spring.security}), every filter of the chain was still
     * wrapped in an observing one that looked the name up on every request (about 1 % of the app's
     * samples under the chat benchmark). The requests stay observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservesNothing() {
        return SecurityObservationSettings.noObservations();
    }

    /** The firewall's refusals (a path with {@code //}, {@code ;}, {@code ..}, {@code %2F}) as problems. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(EdgeProblems edge) {
        return edge.firewallRefusals();
    }

    /** The CORS check of the filter chain (Spring Security uses the bean of this name), refusing as a problem. */
    @Bean
    CorsFilter corsFilter(@Qualifier("corsConfigurationSource") CorsConfigurationSource source, EdgeProblems edge) {
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(edge.corsRefusals());
        return filter;
    }

    /** It runs inside the security filter chain only, not a second time as a filter of its own. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterOutsideTheChain(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WebProperties web) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(web.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(
                List.of("Authorization", "Content-Type", "X-Request-Id", ApiKeyAuthenticationFilter.HEADER));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
