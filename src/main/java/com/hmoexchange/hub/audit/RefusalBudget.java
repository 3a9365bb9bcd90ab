package com.hmoexchange.hub.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How many refused requests from one client address are written to the audit log: the first {@link #PER_ADDRESS} in a
 * window of {@link #WINDOW}, then one entry saying that more are not recorded until the window ends, then none. A
 * flood of bad tokens or oversized bodies from one address thus costs at most a few entries (each appended under the
 * chain's lock) instead of one per request. At most {@link #ADDRESSES} addresses are remembered; past that, new
 * addresses share one budget, so memory and entries stay bounded even when the addresses are many.
 */
final class RefusalBudget {

    static final int PER_ADDRESS = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int ADDRESSES = 1_000;
    private static final String OTHERS = "(other addresses)";

    /** Whether to record this refusal; {@code last}: the last one recorded before {@code until}. */
    record Decision(boolean record, boolean last, Instant until) {
    }

    private record Window(Instant ends, int count) {
    }

    private final Map<String, Window> windows = new HashMap<>();

    /** Counts one refusal from {@code address} at {@code now}; says whether to record it. */
    synchronized Decision take(String address, Instant now) {
        String key = address == null ? "" : address;
        if (!windows.containsKey(key) && windows.size() >= ADDRESSES) {
            windows.values().removeIf(w -> !w.ends().isAfter(now));
            if (windows.size() >= ADDRESSES) {
                key = OTHERS;
            }
        }
        Window window = windows.get(key);
        if (window == null || !window.ends().isAfter(now)) {
            window = new Window(now.plus(WINDOW), 0);
        }
        window = new Window(window.ends(), window.count() + 1);
        windows.put(key, window);
        return new Decision(window.count() <= PER_ADDRESS, window.count() == PER_ADDRESS, window.ends());
    }
}
