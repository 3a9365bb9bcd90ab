package com.hmoexchange.hub.responses;

import java.math.BigDecimal;
import java.util.List;

/**
 * The payer's adjudication of one claim line, keyed by the line sequence the hub sent. Quantity may be absent;
 * {@code patientResponsibility} is what the payer says the patient owes on the line (null when it gave none).
 */
public record LineAdjudication(int sequence, Integer approvedQuantity, BigDecimal approvedAmount, List<Reason> reasons,
        BigDecimal patientResponsibility) {

    public LineAdjudication {
        reasons = List.copyOf(reasons);
    }

    public LineAdjudication(int sequence, Integer approvedQuantity, BigDecimal approvedAmount, List<Reason> reasons) {
        this(sequence, approvedQuantity, approvedAmount, reasons, null);
    }
}
