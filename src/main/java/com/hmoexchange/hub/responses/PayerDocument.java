package com.hmoexchange.hub.responses;

import java.util.List;

/**
 * Everything one file, email attachment or callback from a payer says, once read into the normalised form.
 * {@code setAside} are parts the hub keeps without applying them to a claim: an answer that is not a claim
 * decision (a FHIR predetermination or pre-authorisation), or one that names no claim.
 */
public record PayerDocument(List<ClaimAnswer> answers, List<Remittance> remittances,
        List<SetAcknowledgement> acknowledgements, List<SetAside> setAside) {

    /** A part of the document kept without effect on claims (it moves no money), and why. */
    public record SetAside(String part, String claimNumber, String why) {
    }

    public PayerDocument {
        answers = List.copyOf(answers);
        remittances = List.copyOf(remittances);
        acknowledgements = List.copyOf(acknowledgements);
        setAside = List.copyOf(setAside);
    }

    public PayerDocument(List<ClaimAnswer> answers, List<Remittance> remittances, List<SetAcknowledgement> acknowledgements) {
        this(answers, remittances, acknowledgements, List.of());
    }

    public static PayerDocument ofAnswers(List<ClaimAnswer> answers) {
        return new PayerDocument(answers, List.of(), List.of());
    }
}
