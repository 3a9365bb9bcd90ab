package com.hmoexchange.hub.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the database and the broker said at one moment: the backlogs and ages behind the gauges, the
 * incident conditions and the dashboard. Taken by {@link OperationsReadings}, a few queries each time.
 */
public record Readings(Instant at, long outboxBacklog, Duration outboxOldestAge, Map<String, Long> queueDepths,
        Map<String, Long> quarantinedByPayer, long staleClaims, long mailWaiting, long mailRetrying, long mailGivenUp,
        long pendingRequests, Duration oldestPendingRequestAge, List<AnswerCount> answersLastDay,
        Map<String, Long> openIncidentsByKind, Map<String, Long> heldMailsByIntake) {

    static final Readings NONE = new Readings(Instant.EPOCH, 0, Duration.ZERO, Map.of(), Map.of(), 0, 0, 0, 0, 0,
            Duration.ZERO, List.of(), Map.of(), Map.of());

    /** Documents a payer sent over the last 24 hours, by channel and by what became of them. */
    public record AnswerCount(String payer, String channel, String outcome, long count) {
    }

    public long deadLetters() {
        return queueDepths.getOrDefault("claims.outbound.dlq", 0L);
    }
}
