package com.hmoexchange.hub.claims;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the payer itself says of the money it did not pay on a claim: the patient's responsibility (X12 CAS
 * group PR and CLP05, FHIR copay and deductible) and the provider's contractual write-off (CAS group CO,
 * never billed to the patient), for the claim and per line (by the hub's line position). A payer that gives
 * no split sends none, and the patient's share stays billed less approved.
 */
public record PayerSplit(BigDecimal patient, BigDecimal contractual, List<Line> lines) {

    public PayerSplit {
        patient = patient == null ? BigDecimal.ZERO : patient;
        contractual = contractual == null ? BigDecimal.ZERO : contractual;
        lines = List.copyOf(lines);
    }

    public record Line(int position, BigDecimal patient, BigDecimal contractual) {

        public Line {
            patient = patient == null ? BigDecimal.ZERO : patient;
            contractual = contractual == null ? BigDecimal.ZERO : contractual;
        }
    }
}
