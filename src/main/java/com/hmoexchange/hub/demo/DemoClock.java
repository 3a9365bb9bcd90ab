package com.hmoexchange.hub.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The hub's clock in the demo: the hub's own, except on the thread that replays the clinic's past months at the
 * first start ({@link DemoHistory}), where it reads the moment being replayed. So aged claims are submitted,
 * answered and paid on past days through the same services as today's, without rows written by hand. Every
 * other thread (web requests, the relay, the sandbox payers) reads the real time throughout.
 */
@Component
@Primary
@Profile("demo")
class DemoClock extends Clock {

    private final Clock hub;
    private final ThreadLocal<Instant> replaying = new ThreadLocal<>();

    DemoClock(@Qualifier("clock") Clock hub) {
        this.hub = hub;
    }

    /** Runs the step on this thread as if it were {@code moment}. */
    <T> T at(Instant moment, Supplier<T> step) {
        replaying.set(moment);
        try {
            return step.get();
        } finally {
            replaying.remove();
        }
    }

    @Override
    public Instant instant() {
        Instant moment = replaying.get();
        return moment != null ? moment : hub.instant();
    }

    @Override
    public ZoneId getZone() {
        return hub.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        DemoClock in = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return in.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return in.withZone(other);
            }
        };
    }
}
