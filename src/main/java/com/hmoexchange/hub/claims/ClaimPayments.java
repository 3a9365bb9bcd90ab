package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money from remittances, posted on the claim aggregate (its rules: once per reference, over-payment
 * flagged, a reversal never takes back more than was paid). Called by reconciliation, never by users.
 */
@Service
// A payment the claim refuses (a rejected claim, a reference posted before) is the caller's to record as an
// exception, and the rest of its remittance still applies: the refusal must not doom the caller's transaction.
// The claim refuses before it changes anything, so nothing is half-applied.
@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = RuleViolation.class)
public class ClaimPayments {

    private final ClaimRepository claims;
    private final Clock clock;

    ClaimPayments(ClaimRepository claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    /** The facts reconciliation needs about a claim of a payer. */
    public record ClaimFacts(long id, String claimNumber, long providerId, ClaimStatus status, BigDecimal billed,
            BigDecimal paid, PaymentStatus paymentStatus) {
    }

    public Optional<ClaimFacts> find(long payerId, String claimNumber) {
        return claims.findByClaimNumber(claimNumber).filter(c -> c.getPayerId() == payerId).map(ClaimPayments::facts);
    }

    public PaymentRecorded pay(String claimNumber, String reference, BigDecimal amount, LocalDate paidOn, String by) {
        Claim claim = load(claimNumber);
        return claim.recordPayment(reference, amount, paidOn == null ? LocalDate.now(clock) : paidOn, by, clock.instant());
    }

    public PaymentRecorded reverse(String claimNumber, String reference, BigDecimal amount, LocalDate on, String by) {
        Claim claim = load(claimNumber);
        return claim.reversePayment(reference, amount, on == null ? LocalDate.now(clock) : on, by, clock.instant());
    }

    private Claim load(String claimNumber) {
        return claims.findByClaimNumber(claimNumber).orElseThrow(() -> new NotFoundException("Claim", claimNumber));
    }

    private static ClaimFacts facts(Claim c) {
        return new ClaimFacts(c.getId(), c.getClaimNumber(), c.getProviderId(), c.getStatus(), c.billedAmount(),
                c.paidAmount(), c.getPaymentStatus());
    }
}
