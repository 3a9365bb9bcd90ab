package com.hmoexchange.hub.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.common.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read /actuator/prometheus: an operator, or the metrics scraper's own account (MetricsScraperSettings),
 * which may read nothing else. Its own filter chain, ahead of the API's, so the scraper's credentials are
 * checked here only; everyone else is signed in against the hub's users as everywhere.
 */
@Configuration
class MetricsScrapeSecurity {

    static final String SCRAPER_ROLE = "METRICS_SCRAPER";

    @Bean
    @Order(0)
    SecurityFilterChain metricsScrape(HttpSecurity http, MetricsScraperSettings scraper, ObjectMapper json) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole("OPERATOR", SCRAPER_ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthenticated(json, response)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> unauthenticated(json, response))
                        .accessDeniedHandler((request, response, e) -> problem(json, response, HttpStatus.FORBIDDEN, "forbidden",
                                "Not allowed", "Only operators and the metrics scraper may read the metrics.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (scraper.enabled()) {
            http.authenticationProvider(new ScraperCredentials(scraper));
        }
        return http.build();
    }

    private static void unauthenticated(ObjectMapper json, HttpServletResponse response) throws IOException {
        // Not "Basic": a browser would prompt and keep the password (as the API answers, SecurityConfig).
        response.setHeader("WWW-Authenticate", "HubBasic realm=\"HMO Exchange Hub\"");
        problem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                "Send a valid username and password (HTTP Basic) to use this endpoint.");
    }

    private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String code, String title,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(status, code, title, detail));
    }

    /** The scraper's name and password; any other name is left to the hub's users (the parent manager). */
    static final class ScraperCredentials implements AuthenticationProvider {

        private final byte[] username;
        private final byte[] password;

        ScraperCredentials(MetricsScraperSettings settings) {
            this.username = settings.username().getBytes(StandardCharsets.UTF_8);
            this.password = settings.password().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            if (!MessageDigest.isEqual(username, authentication.getName().getBytes(StandardCharsets.UTF_8))) {
                return null;
            }
            Object given = authentication.getCredentials();
            if (given == null || !MessageDigest.isEqual(password, given.toString().getBytes(StandardCharsets.UTF_8))) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER_ROLE)));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
