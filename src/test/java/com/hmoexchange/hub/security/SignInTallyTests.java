package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of failed sign-ins, without a database: a growing wait, then lockouts that grow, then forgetting. */
class SignInTallyTests {

    private static final SignInProtectionSettings.Limits ACCOUNT = new SignInProtectionSettings.Limits(5,
            Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(24));
    private static final Duration FORGET = Duration.ofHours(24);
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void theFirstFailureIsATypoThenEachWaitIsTwiceTheOneBeforeUntilTheFifthLocksForFifteenMinutes() {
        SignInTally tally = SignInTally.NONE.afterFailure(T0, ACCOUNT, FORGET);
        assertThat(tally.refusedUntil()).isNull();
        Instant now = T0;
        for (int failure = 2, wait = 1; failure <= 4; failure++, wait *= 2) {
            now = now.plusSeconds(10);
            tally = tally.afterFailure(now, ACCOUNT, FORGET);
            assertThat(tally.isLockout()).isFalse();
            assertThat(tally.refusedUntil()).as("wait after failure " + failure).isEqualTo(now.plusSeconds(wait));
            assertThat(tally.refuses(now.plusSeconds(wait).minusMillis(1))).isTrue();
            assertThat(tally.refuses(now.plusSeconds(wait))).isFalse();
        }
        now = now.plusSeconds(10);
        tally = tally.afterFailure(now, ACCOUNT, FORGET);
        assertThat(tally.isLockout()).isTrue();
        assertThat(tally.refusedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void eachFurtherLockoutLastsTwiceAsLongUpToTheCeiling() {
        SignInTally tally = SignInTally.NONE;
        Instant now = T0;
        Duration expected = Duration.ofMinutes(15);
        for (int lockout = 1; lockout <= 8; lockout++) {
            for (int failure = 1; failure <= 5; failure++) {
                now = tally.refusedUntil() == null ? now.plusSeconds(1) : tally.refusedUntil();
                tally = tally.afterFailure(now, ACCOUNT, FORGET);
            }
            assertThat(tally.isLockout()).isTrue();
            assertThat(Duration.between(now, tally.refusedUntil())).as("lockout " + lockout).isEqualTo(expected);
            expected = expected.multipliedBy(2).compareTo(Duration.ofHours(24)) > 0 ? Duration.ofHours(24) : expected.multipliedBy(2);
        }
    }

    @Test
    void failuresAndLockoutsAreForgottenAfterADayWithoutOne() {
        SignInTally tally = SignInTally.NONE;
        Instant now = T0;
        for (int failure = 1; failure <= 5; failure++) {
            now = tally.refusedUntil() == null ? now.plusSeconds(1) : tally.refusedUntil();
            tally = tally.afterFailure(now, ACCOUNT, FORGET);
        }
        assertThat(tally.lockouts()).isEqualTo(1);
        SignInTally later = tally.afterFailure(now.plus(FORGET), ACCOUNT, FORGET);
        assertThat(later.failures()).isEqualTo(1);
        assertThat(later.lockouts()).isZero();
        assertThat(later.refusedUntil()).isNull();
    }
}
