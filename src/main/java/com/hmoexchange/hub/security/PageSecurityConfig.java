package com.hmoexchange.hub.security;

import com.hmoexchange.hub.common.PublicAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web portals: form sign-in with a session (which expires, see server.servlet.session.timeout),
 * CSRF tokens on every form, sign-out. It takes only the pages' paths, ahead of the API's chain in
 * {@link SecurityConfig}, which stays stateless HTTP Basic for everything else. Roles are checked
 * here per area and again by the services the pages call (tenant scoping).
 */
@Configuration
class PageSecurityConfig {

    static final String[] PAGES = {"/", "/sign-in", "/sign-in/code", "/sign-out", "/set-password", "/forgot-password", "/home", "/hmo/**",
            "/client/**", "/operator/**", "/billing/**", "/admin/**", "/people/**", "/account/**", "/audit", "/audit/**", "/denied", "/css/**",
            "/js/**", "/webjars/**", "/favicon.ico"};

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, AppUserRepository users, HubUserDetailsService details,
            PasswordEncoder passwords, AuthenticationEventPublisher signInEvents, PublicAddress address, SignInThrottle throttle,
            TwoFactor twoFactor, SecondFactorSignIn secondFactor) throws Exception {
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/sign-in");
        // The password alone signs in only those who owe no code (see SecondFactorSignIn).
        ThrottledSignIn throttled = new ThrottledSignIn(new SessionSafeProvider(details, passwords), throttle,
                user -> false, user -> !twoFactor.isOn(user.id()));
        http.securityMatcher(PAGES)
                // Its own manager, without the global one as parent: a wrong password is checked once, not twice.
                .authenticationManager(manager(throttled, signInEvents))
                .authorizeHttpRequests(auth -> auth
                        // The code page serves only a session that gave the right password (SecondFactorPending).
                        .requestMatchers("/sign-in", "/sign-in/code", "/set-password", "/forgot-password", "/denied", "/css/**", "/webjars/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/hmo/**").hasRole("HMO_ADMIN")
                        .requestMatchers("/admin/**").hasRole("PLATFORM_ADMIN")
                        // Whose entries each may read is checked by AuditSearch.
                        .requestMatchers("/audit/verify").hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/audit", "/audit/**").hasAnyRole("PLATFORM_ADMIN", "HMO_ADMIN", "OWNER")
                        // Whose users each may manage is checked by the People service (their practice, HMO or the hub's staff).
                        .requestMatchers("/people/**").hasAnyRole("OWNER", "ADMIN", "HMO_ADMIN", "PLATFORM_ADMIN")
                        .requestMatchers("/client/**").hasRole("CLIENT_USER")
                        // As the API's /api/exceptions: an HMO admin sees their own payer's (ExceptionDesk scopes them).
                        .requestMatchers("/operator/exceptions", "/operator/exceptions/**").hasAnyRole("OPERATOR", "HMO_ADMIN")
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        // The same roles as the claims API (SecurityConfig.PROVIDER_STAFF); ClaimService scopes to the practice.
                        .requestMatchers("/billing/**").hasAnyRole(SecurityConfig.PROVIDER_STAFF)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/sign-in").successHandler(secondFactor).failureHandler((request, response, e) ->
                        // Locked: the time to try again is in the address, as the page's other notices are.
                        response.sendRedirect(e instanceof SignInRefused refused
                                ? "/sign-in?locked=" + refused.until().getEpochSecond() : "/sign-in?error")))
                .logout(out -> out.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            // htmx fragments (the bell) of an expired session: send the whole page to sign-in.
                            if (request.getHeader("HX-Request") != null) {
                                response.setHeader("HX-Redirect", "/sign-in");
                                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                            } else {
                                signIn.commence(request, response, e);
                            }
                        })
                        .accessDeniedPage("/denied"))
                .addFilterAfter(new DisabledUserSignOut(users), BasicAuthenticationFilter.class)
                .addFilterAfter(new SecondFactorGate(), DisabledUserSignOut.class)
                .headers(SecureHeaders.of(SecureHeaders.PAGES_POLICY, address));
        return http.build();
    }

    /** The pages' own manager, publishing sign-in successes and failures as the API's does (the audit log records them). */
    static ProviderManager manager(AuthenticationProvider provider, AuthenticationEventPublisher signInEvents) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(signInEvents);
        return manager;
    }

    /**
     * Checks the password like the API does, but leaves the hash out of the signed-in user that the
     * session keeps: a session (in memory, or later in a shared store) never holds a password hash.
     */
    static final class SessionSafeProvider extends DaoAuthenticationProvider {

        SessionSafeProvider(HubUserDetailsService details, PasswordEncoder passwords) {
            super(details);
            setPasswordEncoder(passwords);
        }

        @Override
        protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                UserDetails user) {
            HubUser safe = ((HubUser) user).withoutPassword();
            return super.createSuccessAuthentication(safe, authentication, safe);
        }
    }

    /**
     * A page session outlives the password check: when a user is disabled or given another role, their
     * open session ends at their next click instead of when it expires (WebSessions also deletes the
     * stored sessions; this catches a request already under way on another node).
     */
    static final class DisabledUserSignOut extends OncePerRequestFilter {

        private final AppUserRepository users;

        DisabledUserSignOut(AppUserRepository users) {
            this.users = users;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof HubUser user) {
                AppUser now = users.findById(user.id()).orElse(null);
                boolean enabled = now != null && now.isEnabled();
                if (!enabled || now.getRole() != user.role()) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    response.sendRedirect(enabled ? "/sign-in?role-changed" : "/sign-in?disabled");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
