package com.hmoexchange.hub.responses;

import java.util.List;

/** Everything one file, email attachment or callback from a payer says, once read into the normalised form. */
public record PayerResponse(List<ClaimAdjudication> adjudications, List<Remittance> remittances,
        List<SetAcknowledgement> acknowledgements) {

    public PayerResponse {
        adjudications = List.copyOf(adjudications);
        remittances = List.copyOf(remittances);
        acknowledgements = List.copyOf(acknowledgements);
    }

    public static PayerResponse ofAdjudications(List<ClaimAdjudication> adjudications) {
        return new PayerResponse(adjudications, List.of(), List.of());
    }
}
