package com.flowmatik.app.security;

import com.flowmatik.app.web.ProblemType;
import com.flowmatik.app.web.ProblemWriter;
import com.flowmatik.app.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Which paths need which role. Stateless: no session, no CSRF token (bearer tokens are not sent by
 * browsers on their own), no form login. Refusals are problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_POSTS = {
        "/api/auth/register", "/api/auth/login", "/api/auth/forgot-password", "/api/auth/reset-password"
    };
    static final String[] PUBLIC_GETS = {
        "/health", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtTokens tokens, ProblemWriter problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_GETS).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, denied) -> {
                            Object reason = request.getAttribute(JwtAuthenticationFilter.FAILURE_ATTRIBUTE);
                            String detail = reason != null
                                    ? "The bearer token was refused: " + reason
                                    : "This endpoint needs a bearer token";
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(response, Problems.of(ProblemType.UNAUTHORIZED, detail));
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(
                                response, Problems.of(ProblemType.FORBIDDEN, "Your role does not allow this"))))
                .addFilterBefore(new JwtAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
