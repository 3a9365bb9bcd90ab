package com.hmoexchange.hub.security;

import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Browser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The hub as it runs in production for sign-in (the suite's profile relaxes it): two-factor sign-in required of
 * operators and administrators, HTTP Basic refused to them, the production limits of failed sign-ins, client
 * addresses taken from X-Forwarded-For (as behind a proxy, so each test can come from an address of its own),
 * and a clock the tests move forward instead of waiting.
 */
@TestPropertySource(properties = {
        "hub.security.two-factor.required-roles=PLATFORM_ADMIN,OPERATOR,HMO_ADMIN",
        "hub.security.two-factor.basic-for-second-factor-users=false",
        "hub.security.sign-in.account.first-delay=1s",
        "hub.security.sign-in.address.max-failures=20",
        "server.forward-headers-strategy=native"})
@Import(SecurityRulesTest.MovableClockConfig.class)
abstract class SecurityRulesTest extends ApiTest {

    private static Browser browser;

    /** The run's one headless Chromium, cleared for this class when its first test needs it. */
    protected Browser browser() {
        if (browser == null) {
            browser = Browser.shared(port);
        }
        return browser;
    }

    /** The next class asks for the browser again, so it gets it cleared of this class's sign-ins. */
    @AfterAll
    static void handBackBrowser() {
        browser = null;
    }

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected JdbcTemplate jdbc;

    /**
     * The browser's address (127.0.0.1) is shared by every test, and the test addresses by every run within a day
     * (the database outlives a run): their counts start afresh.
     */
    @BeforeEach
    void addressesStartAfresh() {
        jdbc.update("delete from sign_in_throttle where kind = 'ADDRESS' and (subject like '198.51.%' or subject like '127.%' "
                + "or subject like '0:0:0:0:0:0:0:1%')");
    }

    @TestConfiguration
    static class MovableClockConfig {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** The system's time plus an offset that tests move forward. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
        private final Clock system = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

        void advance(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        @Override
        public Instant instant() {
            return system.instant().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
