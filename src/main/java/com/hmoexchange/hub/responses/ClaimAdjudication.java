package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.claims.ClaimStatus;
import com.hmoexchange.hub.claims.PayerSplit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A payer's news about one claim, whatever shape it arrived in (CSV row, JSON, FHIR ClaimResponse, X12
 * 277CA): the one normalised form the core applies. {@code claimNumber} is the hub's claim number that
 * travelled out (X12 CLM01, FHIR Claim.identifier, JSON {@code ref}); {@code status} is where the payer says
 * the claim is (never DRAFT or SUBMITTED); {@code lines} are empty when the payer answers per claim only.
 * {@code patientResponsibility} is what the payer says the patient owes (FHIR copay and deductible, a mapped
 * field); null when it gave none.
 */
public record ClaimAdjudication(String claimNumber, String payerReference, ClaimStatus status, List<Reason> reasons,
        List<LineAdjudication> lines, BigDecimal patientResponsibility) {

    public ClaimAdjudication {
        reasons = List.copyOf(reasons);
        lines = List.copyOf(lines);
    }

    public ClaimAdjudication(String claimNumber, String payerReference, ClaimStatus status, List<Reason> reasons,
            List<LineAdjudication> lines) {
        this(claimNumber, payerReference, status, reasons, lines, null);
    }

    /** The payer's split when it gave the patient's responsibility for the claim or any line; else null. */
    public PayerSplit split() {
        if (patientResponsibility == null && lines.stream().allMatch(l -> l.patientResponsibility() == null)) {
            return null;
        }
        List<PayerSplit.Line> byLine = new ArrayList<>();
        BigDecimal fromLines = BigDecimal.ZERO;
        for (LineAdjudication line : lines) {
            if (line.patientResponsibility() != null) {
                byLine.add(new PayerSplit.Line(line.sequence(), line.patientResponsibility(), null));
                fromLines = fromLines.add(line.patientResponsibility());
            }
        }
        return new PayerSplit(patientResponsibility != null ? patientResponsibility : fromLines, null, byLine);
    }
}
