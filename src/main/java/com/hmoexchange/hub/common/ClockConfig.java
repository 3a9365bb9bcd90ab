package com.hmoexchange.hub.common;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the hub, so tests can read time the same way the code does. */
@Configuration
class ClockConfig {

    @Bean
    Clock clock() {
        // Microsecond ticks: what PostgreSQL stores, so a value reads back as it was written.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
