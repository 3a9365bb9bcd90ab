package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.preauth.PreAuthorisation.LineApproval;
import java.time.LocalDate;
import java.util.List;

/**
 * A payer's answer to a request sent over its channel, read at the edge (a FHIR ClaimResponse, or the payer's JSON
 * through its answer mapping) into the hub's terms.
 *
 * @param requestReference the hub's request reference the answer names; null when it names none
 * @param lines what it approved of each service; empty with APPROVED: all in full
 * @param reason why it declined, or with MORE_INFO what the practice should add
 */
record PayerAnswer(String requestReference, Outcome outcome, String code, LocalDate validFrom, LocalDate validUntil,
        List<LineApproval> lines, String reason, String payerReference) {

    enum Outcome {
        /** Approved, in full or (lines below what was asked) in part. */
        APPROVED,
        DECLINED,
        /** The payer asks the practice for more: the clock stops until the practice answers on the same request. */
        MORE_INFO,
        /** Taken, decision to follow: the clock keeps running. */
        PENDED
    }

    PayerAnswer {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
