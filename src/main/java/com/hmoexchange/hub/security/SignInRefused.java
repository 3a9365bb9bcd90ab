package com.hmoexchange.hub.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins for this account or from this address: refused unheard until {@link #until()}. */
public class SignInRefused extends LockedException {

    private final Instant until;

    /** {@code when}: the time to try again as people read it ({@link SignInThrottle#tryAgainAfter}). */
    public SignInRefused(Instant until, String when) {
        super("Too many attempts, try again after " + when + " or reset your password.");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
