package com.hmoexchange.hub.claims;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The claim's lifecycle, written once for people ({@link Claim#changeStatus}) and payers ({@link Adjudication},
 * applied one claim at a time or set-based by {@link ClaimAdjudications}): where a claim may move, what a decision
 * means for the money, and when a claim counts as stale. Pure rules: no persistence, no Spring.
 * <ul>
 * <li>Claims only move forward, and may skip steps (SUBMITTED straight to APPROVED).</li>
 * <li>A decision (APPROVED, REJECTED, PARTIAL) is final.</li>
 * <li>News that the payer received the claim, arriving once the claim is further on (a 999 read after the
 * 277CA, or after the decision), is late: kept in the history, not a move and not an error.</li>
 * <li>Only the hub makes a claim a DRAFT or SUBMITTED (creating and submitting it).</li>
 * </ul>
 */
public final class StatusRules {

    private StatusRules() {
    }

    /** What a status said about a claim means for it. */
    public sealed interface Move permits Forward, Repeat, Late, Refused {
    }

    /** The claim moves on to the status. */
    public record Forward(ClaimStatus from, ClaimStatus to) implements Move {
    }

    /** The claim already is there: nothing changes. */
    public record Repeat(ClaimStatus status) implements Move {
    }

    /** Older news than the claim's state: the claim stays where it is, the history keeps the news marked late. */
    public record Late(ClaimStatus current, ClaimStatus news) implements Move {
    }

    /** The move breaks a rule; {@code code} names it (for problem details and the exceptions list). */
    public record Refused(String code, String why) implements Move {
    }

    /**
     * Where a claim at {@code current} may go when told {@code target}. For a decision, the approved amounts
     * tell a repeat (the same decision and amount again) from a change of a decision already made.
     */
    public static Move move(String claimNumber, ClaimStatus current, BigDecimal currentApproved, ClaimStatus target,
            BigDecimal targetApproved) {
        if (current == ClaimStatus.DRAFT) {
            return new Refused("claim-not-submitted", "Claim " + claimNumber + " is still a draft: submit it first.");
        }
        if (target == ClaimStatus.DRAFT || target == ClaimStatus.SUBMITTED) {
            return new Refused("status-not-settable", "Claim " + claimNumber + " cannot be set to " + target
                    + ": only creating a claim makes a draft and only submitting it makes it SUBMITTED.");
        }
        if (current.isDecision()) {
            if (current == target && sameAmount(currentApproved, targetApproved)) {
                return new Repeat(current);
            }
            if (target == ClaimStatus.RECEIVED) {
                return new Late(current, target);
            }
            return new Refused("claim-decided", "Claim " + claimNumber + " was already decided " + current
                    + amount(currentApproved) + " and cannot become " + target + amount(targetApproved)
                    + ": a decision is final. Take it up with the payer, or resubmit a corrected claim if it was rejected.");
        }
        if (current == target) {
            return new Repeat(current);
        }
        if (!target.isAfter(current)) {
            // Only RECEIVED lies behind a claim still awaiting the payer (IN_REVIEW): the acknowledgement came late.
            return new Late(current, target);
        }
        return new Forward(current, target);
    }

    /** The decision that follows from what the payer approved of the billed amount. */
    public static ClaimStatus decisionFor(BigDecimal approved, BigDecimal billed) {
        return approved.signum() == 0 ? ClaimStatus.REJECTED
                : approved.compareTo(billed) >= 0 ? ClaimStatus.APPROVED : ClaimStatus.PARTIAL;
    }

    /** What the payer has paid against what it owes: its approved amount once decided, the billed amount until then. */
    public static PaymentStatus paymentStatus(BigDecimal paid, BigDecimal approved, BigDecimal billed) {
        return PaymentStatus.of(paid, approved != null ? approved : billed);
    }

    /** When a claim at {@code status} counts as stale: only while it awaits the payer. */
    public static Instant staleAfter(ClaimStatus status, Instant now, Duration period) {
        return status.isAwaitingPayer() ? now.plus(period) : null;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String amount(BigDecimal approved) {
        return approved == null ? "" : " (approved " + approved + ")";
    }
}
