package com.hmoexchange.hub.claims;

import java.time.Instant;

/** An operator asked for a claim to be sent to its payer again. */
public record ClaimResendRequested(String claimNumber, String requestedBy, Instant requestedAt) {
}
