package com.hmoexchange.hub.security;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check of the pages and of HTTP Basic, behind the sign-in throttle: an account or address
 * that is refused for now gets no password check at all (a BCrypt check is a CPU drain); a failure is counted.
 * A user with a second factor is not counted as signed in here: that waits for the code (pages), or is refused
 * outright where no code can come (HTTP Basic, when {@code refuseSecondFactorUsers}).
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final Predicate<HubUser> refused;
    private final Predicate<HubUser> signedInByPassword;

    /**
     * @param refused users refused even with the right password (HTTP Basic: those who sign in with a second factor)
     * @param signedInByPassword users whose sign-in the password completes (the count of failures then starts
     *     again); the others still owe a code
     */
    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, Predicate<HubUser> refused,
            Predicate<HubUser> signedInByPassword) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.refused = refused;
        this.signedInByPassword = signedInByPassword;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = addressOf(attempt);
        SignInThrottle.Standing standing = throttle.standing(username, address);
        if (standing.refusedUntil().isPresent()) {
            throw new SignInRefused(standing.refusedUntil().get(), throttle.tryAgainAfter(standing.refusedUntil().get()));
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (AuthenticationException wrong) {
            Optional<Instant> lockout = throttle.failed(username, address);
            if (lockout.isPresent()) {
                throw new SignInRefused(lockout.get(), throttle.tryAgainAfter(lockout.get()));
            }
            throw wrong;
        }
        if (signedIn != null && signedIn.getPrincipal() instanceof HubUser user) {
            if (refused.test(user)) {
                throw new TwoFactorRequiredForApi();
            }
            if (standing.accountHasFailures() && signedInByPassword.test(user)) {
                throttle.succeeded(username);
            }
        }
        return signedIn;
    }

    static String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
