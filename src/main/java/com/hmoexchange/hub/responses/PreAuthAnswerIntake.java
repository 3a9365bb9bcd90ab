package com.hmoexchange.hub.responses;

/**
 * A payer's answer to a pre-authorisation request that arrives in its answers mailbox beside its claim answers
 * (payer.yaml {@code preauthorisation.mode: email}): the preauth module takes it, after the mailbox's own checks
 * (allowed sender, DKIM and DMARC) passed. Anything else is read as a claim answer.
 */
public interface PreAuthAnswerIntake {

    /**
     * Takes the document if it is an answer to a pre-authorisation request: applied to the request it names, or put
     * on the exceptions list when it names none. False: not such an answer, nothing done.
     */
    boolean take(String payerCode, byte[] content);
}
