package com.hmoexchange.hub.responses;

import java.math.BigDecimal;
import java.util.List;

/**
 * One claim's part of a remittance (X12 835 CLP loop, a FHIR PaymentReconciliation detail, a remittance CSV
 * row). {@code paid} is negative on a reversal. {@code denied} is the payer saying it pays nothing (835 CLP02 4).
 */
public record RemittedClaim(String claimNumber, String payerReference, Kind kind, BigDecimal charged, BigDecimal paid,
        BigDecimal patientResponsibility, List<Adjustment> adjustments, List<RemittedLine> lines) {

    public enum Kind {
        PROCESSED, DENIED, REVERSAL
    }

    public RemittedClaim {
        adjustments = List.copyOf(adjustments);
        lines = List.copyOf(lines);
    }
}
