package com.hmoexchange.hub.claims;

import java.math.BigDecimal;
import java.time.Instant;

/** A claim left the practice for its payer; written to the outbox in the same transaction as the claim. */
public record ClaimSubmitted(Long claimId, String claimNumber, String providerReference, long providerId, long payerId,
        Long resubmissionOfId, BigDecimal billedAmount, String currency, Instant submittedAt) {
}
