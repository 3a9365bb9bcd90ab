package com.hmoexchange.hub.responses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a remittance says about one service line. {@code sequence} is the hub's line sequence when the payer
 * echoed it (X12 REF*6R), else null and the line is matched to the claim's lines by service code, modifiers,
 * service date and billed amount ({@link LineMatching}). {@code patientResponsibility} is what a payer's own
 * format (CSV, JSON) gives as the patient's on the line; X12 says it with CAS group PR adjustments.
 */
public record RemittedLine(Integer sequence, String serviceCode, List<String> modifiers, LocalDate serviceDate,
        BigDecimal charged, BigDecimal paid, Integer units, BigDecimal patientResponsibility, List<Adjustment> adjustments) {

    public RemittedLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
    }

    public RemittedLine(Integer sequence, String serviceCode, BigDecimal charged, BigDecimal paid, Integer units,
            List<Adjustment> adjustments) {
        this(sequence, serviceCode, List.of(), null, charged, paid, units, null, adjustments);
    }

    RemittedLine matchedTo(int position) {
        return new RemittedLine(position, serviceCode, modifiers, serviceDate, charged, paid, units, patientResponsibility,
                adjustments);
    }
}
