package com.hmoexchange.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.common.Problems;
import com.hmoexchange.hub.common.PublicAddress;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every endpoint needs a signed-in user except health, the API description and the one a client
 * user's sign-in link leads to (the link's token is the credential there). The REST API is
 * stateless HTTP Basic (no session cookie, so no CSRF exposure; off when hub.security.basic-auth is false), beside
 * API tokens (Authorization: Bearer, their own chain in tokens/TokenSecurityConfig); roles are checked here and again
 * by the services that own the data (tenant scoping).
 */
@Configuration
class SecurityConfig {

    static final String[] PROVIDER_STAFF = {"OWNER", "ADMIN", "BILLING_STAFF"};
    static final String[] ENROLLEE_LOOKUP = {"OWNER", "ADMIN", "BILLING_STAFF", "HMO_ADMIN"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, PublicAddress address, HubUserDetailsService details,
            PasswordEncoder passwords, SignInThrottle throttle, TwoFactor twoFactor, Clock clock,
            AuthenticationEventPublisher signInEvents, ApiSignInSettings settings) throws Exception {
        DaoAuthenticationProvider basic = new DaoAuthenticationProvider(details);
        basic.setPasswordEncoder(passwords);
        // Requests with an API token (Authorization: Bearer) are taken by the tokens' own chain, ahead of this one.
        String signIn = settings.basicAuth()
                ? "Send a valid username and password (HTTP Basic), or an API token (Authorization: Bearer), to use this endpoint."
                : "HTTP Basic sign-in is turned off on this hub (hub.security.basic-auth=false): send an API token "
                        + "(Authorization: Bearer hubt_…), made by your practice's owner or admin, or your HMO's admin, under People → API tokens.";
        http.securityMatcher("/**")
                // HTTP Basic behind the sign-in throttle; refused to people who sign in with a second factor (docs/security.md).
                .authenticationManager(PageSecurityConfig.manager(new ThrottledSignIn(basic, throttle, twoFactor::refusesBasic,
                        user -> true), signInEvents))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // The list of the actuator's endpoints is for operators (health and info above are open).
                        .requestMatchers("/actuator", "/actuator/**").hasRole("OPERATOR")
                        .requestMatchers("/error").permitAll()
                        // Stand-in payers of the demo run; the controller exists only in the demo profile.
                        .requestMatchers("/sandbox/**").permitAll()
                        // Payers' callbacks carry no password: each is signed with the payer's HMAC secret,
                        // which the callback controller checks before anything is read or changed.
                        .requestMatchers(HttpMethod.POST, "/api/payers/*/callbacks", "/api/payers/*/callbacks/preauthorisations").permitAll()
                        .requestMatchers("/api/claims/**", "/api/visits/**", "/api/tariffs/**").hasAnyRole(PROVIDER_STAFF)
                        // A practice's pre-authorisation requests; the HMO's desk is under /api/hmo/ (each checks whose on the server).
                        .requestMatchers("/api/preauthorisations/**").hasAnyRole(PROVIDER_STAFF)
                        // A practice's money owed; an HMO's is under /api/hmo/ (Receivables takes the tenant from the user).
                        .requestMatchers("/api/receivables/**").hasAnyRole(PROVIDER_STAFF)
                        // Eligibility checks: made by practices, read by them and the member's HMO (EligibilityChecks checks whose).
                        .requestMatchers("/api/eligibility/**").hasAnyRole(ENROLLEE_LOOKUP)
                        .requestMatchers(HttpMethod.PUT, "/api/providers/me/hmo-module").hasRole("OWNER")
                        .requestMatchers(HttpMethod.PUT, "/api/providers/me/billing-email").hasAnyRole("OWNER", "ADMIN")
                        .requestMatchers("/api/providers/**").hasAnyRole(PROVIDER_STAFF)
                        .requestMatchers("/api/operations/**", "/api/messages/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.POST, "/api/credentials/password").permitAll()
                        // Asking for a reset link: answered the same whether or not the address is known.
                        .requestMatchers(HttpMethod.POST, "/api/account/password-reset").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("PLATFORM_ADMIN")
                        // Whose entries each may read is checked by AuditSearch (their HMO's, their practice's, all).
                        .requestMatchers("/api/audit/verify").hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/api/audit/**").hasAnyRole("PLATFORM_ADMIN", "HMO_ADMIN", "OWNER")
                        // Whose users each may manage is checked by the People service.
                        .requestMatchers("/api/people/**").hasAnyRole("OWNER", "ADMIN", "HMO_ADMIN", "PLATFORM_ADMIN")
                        // Which tokens each may see and revoke (their practice's, their HMO's) is checked by ApiTokens.
                        .requestMatchers("/api/tokens/**").hasAnyRole("OWNER", "ADMIN", "HMO_ADMIN")
                        .requestMatchers("/api/portal/**").hasRole("CLIENT_USER")
                        .requestMatchers("/api/hmo/**").hasRole("HMO_ADMIN")
                        .requestMatchers("/api/exceptions/**").hasAnyRole("OPERATOR", "HMO_ADMIN")
                        .requestMatchers("/api/notifications/**").hasAnyRole("OWNER", "ADMIN", "BILLING_STAFF", "HMO_ADMIN", "CLIENT_USER", "OPERATOR", "PLATFORM_ADMIN")
                        // Eligibility look-up is for providers and HMOs; client users see only their own staff (portal).
                        .requestMatchers("/api/enrollees/**").hasAnyRole(ENROLLEE_LOOKUP)
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required", signIn))
                        .accessDeniedHandler((request, response, e) ->
                                writeProblem(json, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                        "Your role does not allow this action. Ask your practice's owner or admin.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/sandbox/**"))
                .headers(SecureHeaders.of(SecureHeaders.API_POLICY, address));
        if (settings.basicAuth()) {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint((request, response, e) -> {
                if (e instanceof SignInRefused refused) {
                    long seconds = Math.max(1, Duration.between(clock.instant(), refused.until()).toSeconds() + 1);
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    writeProblem(json, response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked", "Too many failed sign-ins",
                            refused.getMessage());
                } else if (e instanceof TwoFactorRequiredForApi) {
                    writeProblem(json, response, HttpStatus.UNAUTHORIZED, "two-factor-required",
                            "Two-factor sign-in required", e.getMessage());
                } else {
                    writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required", signIn);
                }
            }));
        }
        return http.build();
    }

    /**
     * An address the firewall refuses (an encoded slash such as ACM%2F10001%2F0, a double slash, a semicolon)
     * gets problem details saying what to write instead, not the servlet container's error page.
     */
    @Bean
    RequestRejectedHandler addressRejected(ObjectMapper json) {
        return (request, response, rejected) -> writeProblem(json, response, HttpStatus.BAD_REQUEST, "address-rejected",
                "Address not accepted",
                "The address holds characters the hub does not accept in a path: an encoded slash (%2F), a double "
                        + "slash, a semicolon or a backslash. Write an enrollee number with plain slashes, e.g. "
                        + "/api/enrollees/ACM/10001/0.");
    }

    /** Tomcat would refuse an encoded slash itself, with its own HTML page: let the firewall above refuse it. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Duration.ofMinutes(5), Clock.systemUTC());
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status,
            String code, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            // Not "Basic": a browser would then prompt and keep the password, and send it with
            // cross-site form posts (CSRF). API clients send Basic credentials without being asked.
            response.setHeader("WWW-Authenticate", "HubBasic realm=\"HMO Exchange Hub\"");
        }
        json.writeValue(response.getOutputStream(), Problems.of(status, code, title, detail));
    }
}
