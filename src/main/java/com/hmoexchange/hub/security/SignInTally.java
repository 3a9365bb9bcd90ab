package com.hmoexchange.hub.security;

import java.time.Duration;
import java.time.Instant;

/**
 * The failed sign-ins of one account or one address, and what the next failure does to them: a short wait
 * that doubles with each failure, then a lockout that doubles with each lockout (up to a ceiling). A failure
 * after a quiet spell (forgetAfter) starts afresh. Refused attempts are not failures: nothing was checked.
 *
 * @param failures failures since the last lockout (or since the count started)
 * @param lockouts lockouts so far, each longer than the one before
 * @param refusedUntil attempts before this instant are refused unheard (null: none)
 */
record SignInTally(int failures, int lockouts, Instant lastFailureAt, Instant refusedUntil) {

    static final SignInTally NONE = new SignInTally(0, 0, Instant.EPOCH, null);

    boolean refuses(Instant now) {
        return refusedUntil != null && now.isBefore(refusedUntil);
    }

    /** This tally after one more failure at {@code now}. */
    SignInTally afterFailure(Instant now, SignInProtectionSettings.Limits limits, Duration forgetAfter) {
        boolean forgotten = !now.isBefore(lastFailureAt.plus(forgetAfter));
        int failed = (forgotten ? 0 : failures) + 1;
        int locked = forgotten ? 0 : lockouts;
        if (failed >= limits.maxFailures()) {
            Duration lock = limits.lock().multipliedBy(1L << Math.min(locked, 20));
            lock = lock.compareTo(limits.maxLock()) > 0 ? limits.maxLock() : lock;
            return new SignInTally(0, locked + 1, now, now.plus(lock));
        }
        // The first failure may be a typo: no wait. Then 1x, 2x, 4x ... the first delay.
        Duration wait = failed < 2 ? Duration.ZERO : limits.firstDelay().multipliedBy(1L << Math.min(failed - 2, 20));
        return new SignInTally(failed, locked, now, wait.isZero() ? null : now.plus(wait));
    }

    /** Whether this tally, just made by {@link #afterFailure}, is a lockout (not a short wait). */
    boolean isLockout() {
        return failures == 0 && refusedUntil != null;
    }
}
