package com.hmoexchange.hub.mailintake;

/**
 * The flow that applies an intake's mails (the payers' answers, the clients' bulk requests): given a held mail an
 * operator accepted, it applies it as it would have applied the mail on arrival, checks apart.
 */
public interface HeldMailHandler {

    Intake intake();

    /**
     * Applies the mail; returns what became of it in a sentence for the operator. Throws
     * {@link com.hmoexchange.hub.common.RuleViolation} when it cannot be applied (nothing applied, the mail stays held).
     */
    String applyAccepted(String owner, ReceivedMail mail);
}
