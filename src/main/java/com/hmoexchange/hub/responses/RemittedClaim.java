package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.claims.PayerSplit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One claim's part of a remittance (X12 835 CLP loop, a FHIR PaymentReconciliation detail, a remittance CSV
 * row). {@code paid} is negative on a reversal. {@code denied} is the payer saying it pays nothing (835 CLP02 4).
 * {@code patientResponsibility} is what the payer says the patient owes (835 CLP05); null when it gave none.
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

    RemittedClaim withLines(List<RemittedLine> matched) {
        return new RemittedClaim(claimNumber, payerReference, kind, charged, paid, patientResponsibility, adjustments, matched);
    }

    /**
     * Who owes what the payer did not pay, in the payer's own words: the patient's responsibility is CLP05 (or
     * the mapped field) when given, else the sum of the PR adjustments; the contractual write-off is the sum of
     * the CO adjustments. Null when the payer said neither (no patient responsibility, no adjustment group):
     * then the patient's share stays billed less approved.
     */
    public PayerSplit split() {
        List<Adjustment> all = Stream.concat(adjustments.stream(), lines.stream().flatMap(l -> l.adjustments().stream())).toList();
        boolean given = patientResponsibility != null || lines.stream().anyMatch(l -> l.patientResponsibility() != null)
                || all.stream().anyMatch(a -> a.group() != null);
        if (!given) {
            return null;
        }
        List<PayerSplit.Line> byLine = new ArrayList<>();
        BigDecimal linePatients = BigDecimal.ZERO;
        for (RemittedLine line : lines) {
            BigDecimal patient = line.patientResponsibility() != null ? line.patientResponsibility() : sum(line.adjustments(), true);
            linePatients = linePatients.add(patient);
            if (line.sequence() != null) {
                byLine.add(new PayerSplit.Line(line.sequence(), patient, sum(line.adjustments(), false)));
            }
        }
        BigDecimal patient = patientResponsibility != null ? patientResponsibility : sum(adjustments, true).add(linePatients);
        return new PayerSplit(patient, sum(all, false), byLine);
    }

    /** The PR adjustments (patient) or the CO adjustments (contractual) among these. */
    private static BigDecimal sum(List<Adjustment> adjustments, boolean patient) {
        return adjustments.stream().filter(a -> patient ? a.isPatientResponsibility() : a.isContractual())
                .map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
