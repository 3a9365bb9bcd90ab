package com.hmoexchange.hub.messages;

import java.time.Instant;

/** A message as a search lists it: everything but its payload (which may be megabytes). */
record MessageSummary(long id, String direction, String channel, String payerCode, String claimNumber, String providerReference,
        String payerReference, String paymentReference, String enrolleeNumber, String idempotencyKey, int attempt,
        Outcome outcome, String error, String target, Instant startedAt, Long durationMs) {
}
