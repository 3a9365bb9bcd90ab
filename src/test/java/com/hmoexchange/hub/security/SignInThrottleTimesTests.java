package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** "Try again after …" in the hub's display zone, as the pages write a time, rounded up so it is never a minute early. */
class SignInThrottleTimesTests {

    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    @Test
    void a_lock_ending_today_there_is_its_time_with_the_zone() {
        Instant now = Instant.parse("2026-12-02T12:50:00Z");
        assertThat(SignInThrottle.when(Instant.parse("2026-12-02T13:05:00Z"), now, LAGOS)).isEqualTo("14:05 WAT");
        assertThat(SignInThrottle.when(Instant.parse("2026-12-02T13:04:01Z"), now, LAGOS)).as("rounded up").isEqualTo("14:05 WAT");
        assertThat(SignInThrottle.when(Instant.parse("2026-12-02T13:05:00Z"), now, ZoneId.of("UTC"))).isEqualTo("13:05 UTC");
    }

    @Test
    void a_lock_ending_on_another_day_there_names_the_day() {
        // 23:30 UTC is already the next day in Lagos: the day is said.
        Instant now = Instant.parse("2026-12-02T22:50:00Z");
        assertThat(SignInThrottle.when(Instant.parse("2026-12-02T23:30:00Z"), now, LAGOS)).isEqualTo("3 Dec 2026, 00:30 WAT");
        assertThat(SignInThrottle.when(Instant.parse("2026-12-02T23:30:00Z"), now, ZoneId.of("UTC"))).isEqualTo("23:30 UTC");
    }
}
