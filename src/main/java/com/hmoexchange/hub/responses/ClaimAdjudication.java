package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.claims.ClaimStatus;
import java.util.List;

/**
 * A payer's news about one claim, whatever shape it arrived in (CSV row, JSON, FHIR ClaimResponse, X12
 * 277CA): the one normalised form the core applies. {@code claimNumber} is the hub's claim number that
 * travelled out (X12 CLM01, FHIR Claim.identifier, JSON {@code ref}); {@code status} is where the payer says
 * the claim is (never DRAFT or SUBMITTED); {@code lines} are empty when the payer answers per claim only.
 */
public record ClaimAdjudication(String claimNumber, String payerReference, ClaimStatus status, List<Reason> reasons,
        List<LineAdjudication> lines) {

    public ClaimAdjudication {
        reasons = List.copyOf(reasons);
        lines = List.copyOf(lines);
    }
}
