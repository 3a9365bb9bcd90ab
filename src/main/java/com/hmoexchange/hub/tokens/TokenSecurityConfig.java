package com.hmoexchange.hub.tokens;

import com.hmoexchange.hub.common.PublicAddress;
import com.hmoexchange.hub.security.SecureHeaders;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.common.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API requests that carry {@code Authorization: Bearer}: checked against the stored tokens' digests, then allowed
 * only where one of the token's scopes opens the endpoint ({@link TokenScope}). Ahead of the people's API chain
 * (HTTP Basic, SecurityConfig), so a token is never taken for a password, nor a password for a token. No session
 * and no CSRF token: a browser never adds a bearer token to a request by itself.
 */
@Configuration
class TokenSecurityConfig {

    static final String BEARER = "Bearer ";

    @Bean
    @Order(0)
    SecurityFilterChain apiTokenChain(HttpSecurity http, ApiTokens tokens, ObjectMapper json, PublicAddress address) throws Exception {
        http.securityMatcher(request -> request.getRequestURI().startsWith("/api/")
                        && !isCallback(request) && bearer(request) != null)
                .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) -> {
                    Authentication signedIn = authentication.get();
                    Optional<TokenScope> needed = needed(context.getRequest());
                    return new AuthorizationDecision(signedIn instanceof TokenAuthentication token
                            && needed.isPresent() && token.scopes().contains(needed.get()));
                }))
                .addFilterAt(new BearerTokenFilter(tokens, json), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> write(json, response, HttpStatus.UNAUTHORIZED,
                                "token-refused", "API token refused", "Send a valid API token: Authorization: Bearer " + ApiTokens.PREFIX + "…"))
                        .accessDeniedHandler((request, response, e) -> {
                            if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token) {
                                tokens.outOfScope(token, endpoint(request), request.getRemoteAddr());
                            }
                            write(json, response, HttpStatus.FORBIDDEN, "token-scope", "Not within this token's scopes", outOfScope(request));
                        }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecureHeaders.of(SecureHeaders.API_POLICY, address));
        return http.build();
    }

    /** Payers' callbacks are signed with the payer's secret, whatever else their HTTP client sends. */
    private static boolean isCallback(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().matches("/api/payers/[^/]+/callbacks(/preauthorisations)?");
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
    }

    private static Optional<TokenScope> needed(HttpServletRequest request) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        return TokenScope.needed(method, request.getRequestURI().substring(request.getContextPath().length()));
    }

    static String endpoint(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    private static String outOfScope(HttpServletRequest request) {
        String endpoint = endpoint(request);
        Optional<TokenScope> needed = needed(request);
        if (needed.isEmpty()) {
            return "API tokens cannot be used for " + endpoint + ": a person signs in for it.";
        }
        String held = SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token
                ? token.scopes().stream().map(TokenScope::code).sorted().collect(Collectors.joining(", ")) : "none";
        return endpoint + " needs the scope " + needed.get().code() + "; this token has " + held
                + ". Ask your administrator for a token with " + needed.get().code() + ".";
    }

    static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String code, String title,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"HMO Exchange Hub\", error=\"invalid_token\"");
        }
        json.writeValue(response.getOutputStream(), Problems.of(status, code, title, detail));
    }

    /** Signs the request in with its token, or answers 401 saying why the token is refused (unknown, revoked, expired). */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final ObjectMapper json;

        BearerTokenFilter(ApiTokens tokens, ObjectMapper json) {
            this.tokens = tokens;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ApiTokens.Check check = tokens.check(bearer(request), request.getRemoteAddr(), endpoint(request));
            if (!check.accepted()) {
                write(json, response, HttpStatus.UNAUTHORIZED, "token-refused", "API token refused", check.refusal());
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new TokenAuthentication(check.actingAs(), check.scopes(), check.tokenId()));
            SecurityContextHolder.setContext(context);
            chain.doFilter(request, response);
        }
    }
}
