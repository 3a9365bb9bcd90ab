package com.hmoexchange.hub.claims;

/**
 * Where a claim is in its life. Claims only move forward (a payer may skip steps); APPROVED,
 * REJECTED and PARTIAL are decisions and final. The moves themselves are {@link StatusRules}'.
 */
public enum ClaimStatus {
    DRAFT(0), SUBMITTED(1), RECEIVED(2), IN_REVIEW(3), APPROVED(4), REJECTED(4), PARTIAL(4);

    private final int stage;

    ClaimStatus(int stage) {
        this.stage = stage;
    }

    public boolean isDecision() {
        return stage == 4;
    }

    /** With the payer and no decision yet: the states in which a claim can go stale. */
    public boolean isAwaitingPayer() {
        return stage >= 1 && stage <= 3;
    }

    boolean isAfter(ClaimStatus other) {
        return stage > other.stage;
    }
}
