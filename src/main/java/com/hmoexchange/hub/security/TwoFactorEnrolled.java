package com.hmoexchange.hub.security;

/** A user turned two-factor sign-in on (confirmed a code from a new secret), or off. For the audit log. */
public record TwoFactorEnrolled(long userId, String username, boolean on) {
}
