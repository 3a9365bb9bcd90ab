package com.hmoexchange.hub.responses;

import java.util.List;

/** Everything one file, email attachment or callback from a payer says, once read into the normalised form. */
public record PayerDocument(List<ClaimAnswer> answers, List<Remittance> remittances,
        List<SetAcknowledgement> acknowledgements) {

    public PayerDocument {
        answers = List.copyOf(answers);
        remittances = List.copyOf(remittances);
        acknowledgements = List.copyOf(acknowledgements);
    }

    public static PayerDocument ofAnswers(List<ClaimAnswer> answers) {
        return new PayerDocument(answers, List.of(), List.of());
    }
}
