package com.hmoexchange.hub.security;

import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How failed sign-ins are slowed down and then locked out ({@code hub.security.sign-in}; docs/security.md),
 * per account (the user name typed) and per client address, for the pages and HTTP Basic alike.
 *
 * @param account the limits of one user name
 * @param address the limits of one client address (higher: an office shares one address)
 * @param forgetAfter failures and earlier lockouts are forgotten after this long without a failure
 */
@ConfigurationProperties("hub.security.sign-in")
@Validated
public record SignInProtectionSettings(
        @Valid Limits account, @Valid Limits address, @DefaultValue("24h") Duration forgetAfter) {

    public SignInProtectionSettings {
        account = account != null ? account : new Limits(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(24));
        address = address != null ? address : new Limits(20, Duration.ZERO, Duration.ofMinutes(15), Duration.ofHours(24));
        if (forgetAfter == null || forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("hub.security.sign-in.forget-after must be longer than zero, e.g. 24h");
        }
    }

    /**
     * @param maxFailures failures in a row that lock (5 for an account)
     * @param firstDelay the wait after the second failure, doubled after each further one (0: none)
     * @param lock the first lockout; each further one lasts twice as long as the one before
     * @param maxLock the longest lockout
     */
    public record Limits(@DefaultValue("5") int maxFailures, @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("15m") Duration lock, @DefaultValue("24h") Duration maxLock) {

        public Limits {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("hub.security.sign-in.*.max-failures must be 1 or more; it is " + maxFailures);
            }
            if (firstDelay.isNegative() || lock.isNegative() || lock.isZero() || maxLock.compareTo(lock) < 0) {
                throw new IllegalArgumentException("hub.security.sign-in: first-delay must be 0 or more, lock longer than "
                        + "zero and max-lock at least lock; they are " + firstDelay + ", " + lock + ", " + maxLock);
            }
        }
    }
}
