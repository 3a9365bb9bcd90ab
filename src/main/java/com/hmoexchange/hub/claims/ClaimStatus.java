package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.common.Labelled;

/**
 * Where a claim is in its life. Claims only move forward (a payer may skip steps); APPROVED,
 * REJECTED and PARTIAL are decisions and final. The moves themselves are {@link StatusRules}'.
 */
public enum ClaimStatus implements Labelled {
    DRAFT(0, "Draft"), SUBMITTED(1, "Submitted"), RECEIVED(2, "Received by the payer"), IN_REVIEW(3, "In review"),
    APPROVED(4, "Approved"), REJECTED(4, "Rejected"), PARTIAL(4, "Partly approved");

    private final int stage;
    private final String label;

    ClaimStatus(int stage, String label) {
        this.stage = stage;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
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
