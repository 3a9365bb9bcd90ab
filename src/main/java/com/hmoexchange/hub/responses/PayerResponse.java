package com.hmoexchange.hub.responses;

import java.util.List;

/**
 * Everything one file, email attachment or callback from a payer says, once read into the normalised form.
 * {@code setAside} are parts the hub keeps without applying them to a claim: an adjudication that is not a claim
 * decision (a FHIR predetermination or pre-authorisation), or one that names no claim.
 */
public record PayerResponse(List<ClaimAdjudication> adjudications, List<Remittance> remittances,
        List<SetAcknowledgement> acknowledgements, List<SetAside> setAside) {

    /** A part of the document kept without effect on claims (it moves no money), and why. */
    public record SetAside(String part, String claimNumber, String why) {
    }

    public PayerResponse {
        adjudications = List.copyOf(adjudications);
        remittances = List.copyOf(remittances);
        acknowledgements = List.copyOf(acknowledgements);
        setAside = List.copyOf(setAside);
    }

    public PayerResponse(List<ClaimAdjudication> adjudications, List<Remittance> remittances, List<SetAcknowledgement> acknowledgements) {
        this(adjudications, remittances, acknowledgements, List.of());
    }

    public static PayerResponse ofAdjudications(List<ClaimAdjudication> adjudications) {
        return new PayerResponse(adjudications, List.of(), List.of());
    }
}
