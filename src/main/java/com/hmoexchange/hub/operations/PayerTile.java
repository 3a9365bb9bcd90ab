package com.hmoexchange.hub.operations;

import java.time.Instant;
import java.util.List;

/**
 * One payer and its channel on the operators' dashboard: its state, the last send that worked, the
 * traffic and errors of the last 24 hours, the p95 of a send's duration, claims waiting for another try,
 * its open incidents, and the hourly chart.
 */
public record PayerTile(String code, String name, String channel, State state, Instant lastSuccess, long volume, long errors,
        Long p95Millis, long backlog, List<Incident> incidents, HourlyChart chart) {

    /** UP: the latest send worked. FAILING: it failed (or an incident says so). SILENT: answers overdue. IDLE: no sends yet. */
    public enum State {
        UP, FAILING, SILENT, IDLE
    }

    /** Errors as a share of the sends ended in the last 24 hours, in whole per cent. */
    public long errorRatePercent() {
        return volume == 0 ? 0 : Math.round(100.0 * errors / volume);
    }
}
