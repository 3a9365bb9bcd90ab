package com.hmoexchange.hub.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins for this account or from this address: refused unheard until {@link #until()}. */
public class SignInRefused extends LockedException {

    private final Instant until;

    public SignInRefused(Instant until, Instant now) {
        super("Too many attempts, try again after " + SignInThrottle.when(until, now) + " or reset your password.");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
