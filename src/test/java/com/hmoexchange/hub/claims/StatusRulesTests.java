package com.hmoexchange.hub.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.claims.StatusRules.Forward;
import com.hmoexchange.hub.claims.StatusRules.Late;
import com.hmoexchange.hub.claims.StatusRules.Move;
import com.hmoexchange.hub.claims.StatusRules.Refused;
import com.hmoexchange.hub.claims.StatusRules.Repeat;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The claim's lifecycle, for people and payers alike, without Spring: every status a claim can be in, told every
 * status there is. Decisions are compared at the same approved amount here; a different amount is tested apart.
 */
class StatusRulesTests {

    @ParameterizedTest(name = "{0} told {1}: {2}")
    @CsvSource({
            // A draft is with nobody: nothing said about it applies.
            "DRAFT, DRAFT, claim-not-submitted", "DRAFT, SUBMITTED, claim-not-submitted", "DRAFT, RECEIVED, claim-not-submitted",
            "DRAFT, IN_REVIEW, claim-not-submitted", "DRAFT, APPROVED, claim-not-submitted", "DRAFT, REJECTED, claim-not-submitted",
            "DRAFT, PARTIAL, claim-not-submitted",
            // Forward, skipping steps if need be.
            "SUBMITTED, DRAFT, status-not-settable", "SUBMITTED, SUBMITTED, status-not-settable", "SUBMITTED, RECEIVED, forward",
            "SUBMITTED, IN_REVIEW, forward", "SUBMITTED, APPROVED, forward", "SUBMITTED, REJECTED, forward",
            "SUBMITTED, PARTIAL, forward",
            "RECEIVED, DRAFT, status-not-settable", "RECEIVED, SUBMITTED, status-not-settable", "RECEIVED, RECEIVED, repeat",
            "RECEIVED, IN_REVIEW, forward", "RECEIVED, APPROVED, forward", "RECEIVED, REJECTED, forward",
            "RECEIVED, PARTIAL, forward",
            // The receipt read after the review is late news, not a move back.
            "IN_REVIEW, DRAFT, status-not-settable", "IN_REVIEW, SUBMITTED, status-not-settable", "IN_REVIEW, RECEIVED, late",
            "IN_REVIEW, IN_REVIEW, repeat", "IN_REVIEW, APPROVED, forward", "IN_REVIEW, REJECTED, forward",
            "IN_REVIEW, PARTIAL, forward",
            // A decision is final: the receipt is late news, a review would reopen it, another decision would change it.
            "APPROVED, DRAFT, status-not-settable", "APPROVED, SUBMITTED, status-not-settable", "APPROVED, RECEIVED, late",
            "APPROVED, IN_REVIEW, claim-decided", "APPROVED, APPROVED, repeat", "APPROVED, REJECTED, claim-decided",
            "APPROVED, PARTIAL, claim-decided",
            "REJECTED, DRAFT, status-not-settable", "REJECTED, SUBMITTED, status-not-settable", "REJECTED, RECEIVED, late",
            "REJECTED, IN_REVIEW, claim-decided", "REJECTED, APPROVED, claim-decided", "REJECTED, REJECTED, repeat",
            "REJECTED, PARTIAL, claim-decided",
            "PARTIAL, DRAFT, status-not-settable", "PARTIAL, SUBMITTED, status-not-settable", "PARTIAL, RECEIVED, late",
            "PARTIAL, IN_REVIEW, claim-decided", "PARTIAL, APPROVED, claim-decided", "PARTIAL, REJECTED, claim-decided",
            "PARTIAL, PARTIAL, repeat"})
    void every_status_told_every_status(ClaimStatus current, ClaimStatus target, String expected) {
        Move move = StatusRules.move("CLM-1", current, amount(current), target, amount(target));

        switch (expected) {
            case "forward" -> assertThat(move).isEqualTo(new Forward(current, target));
            case "repeat" -> assertThat(move).isEqualTo(new Repeat(current));
            case "late" -> assertThat(move).isEqualTo(new Late(current, target));
            default -> assertThat(move).isInstanceOfSatisfying(Refused.class, r -> {
                assertThat(r.code()).isEqualTo(expected);
                assertThat(r.why()).contains("CLM-1");
            });
        }
    }

    @Test
    void a_decision_at_another_amount_is_a_change_not_a_repeat() {
        Move move = StatusRules.move("CLM-1", ClaimStatus.PARTIAL, new BigDecimal("6500.00"), ClaimStatus.PARTIAL,
                new BigDecimal("7000.00"));

        assertThat(move).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.code()).isEqualTo("claim-decided");
            assertThat(r.why()).contains("PARTIAL (approved 6500.00)", "PARTIAL (approved 7000.00)", "a decision is final");
        });
    }

    @Test
    void the_decision_follows_from_what_was_approved_of_the_billed_amount() {
        BigDecimal billed = new BigDecimal("9000.00");

        assertThat(StatusRules.decisionFor(new BigDecimal("0.00"), billed)).isEqualTo(ClaimStatus.REJECTED);
        assertThat(StatusRules.decisionFor(new BigDecimal("0.01"), billed)).isEqualTo(ClaimStatus.PARTIAL);
        assertThat(StatusRules.decisionFor(new BigDecimal("8999.99"), billed)).isEqualTo(ClaimStatus.PARTIAL);
        assertThat(StatusRules.decisionFor(billed, billed)).isEqualTo(ClaimStatus.APPROVED);
        assertThat(StatusRules.decisionFor(new BigDecimal("9500.00"), billed)).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void payment_status_is_against_the_approved_amount_once_decided_and_the_billed_amount_until_then() {
        BigDecimal billed = new BigDecimal("9000.00");

        assertThat(StatusRules.paymentStatus(BigDecimal.ZERO, null, billed)).isEqualTo(PaymentStatus.UNPAID);
        assertThat(StatusRules.paymentStatus(new BigDecimal("6500.00"), null, billed)).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        assertThat(StatusRules.paymentStatus(new BigDecimal("6500.00"), new BigDecimal("6500.00"), billed))
                .isEqualTo(PaymentStatus.PAID);
        assertThat(StatusRules.paymentStatus(new BigDecimal("9000.00"), new BigDecimal("6500.00"), billed))
                .isEqualTo(PaymentStatus.OVERPAID);
        assertThat(StatusRules.paymentStatus(BigDecimal.ZERO, new BigDecimal("0.00"), billed)).isEqualTo(PaymentStatus.UNPAID);
    }

    @Test
    void only_a_claim_awaiting_the_payer_can_go_stale() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        Duration fortnight = Duration.ofDays(14);

        assertThat(StatusRules.staleAfter(ClaimStatus.RECEIVED, now, fortnight)).isEqualTo(now.plus(fortnight));
        assertThat(StatusRules.staleAfter(ClaimStatus.IN_REVIEW, now, fortnight)).isEqualTo(now.plus(fortnight));
        assertThat(StatusRules.staleAfter(ClaimStatus.APPROVED, now, fortnight)).isNull();
        assertThat(StatusRules.staleAfter(ClaimStatus.REJECTED, now, fortnight)).isNull();
    }

    /** The amount a decision approves in these walks; none for the statuses before a decision. */
    private static BigDecimal amount(ClaimStatus status) {
        return switch (status) {
            case APPROVED -> new BigDecimal("9000.00");
            case REJECTED -> new BigDecimal("0.00");
            case PARTIAL -> new BigDecimal("6500.00");
            default -> null;
        };
    }
}
