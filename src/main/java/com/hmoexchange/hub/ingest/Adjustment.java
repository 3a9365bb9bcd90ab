package com.hmoexchange.hub.ingest;

import java.math.BigDecimal;

/**
 * Money the payer did not pay, and why: X12 CAS group (CO contractual, PR patient responsibility, OA other,
 * PI payer-initiated) with a reason code. A negative amount gives money back.
 */
public record Adjustment(String group, String reason, BigDecimal amount) {

    public boolean isPatientResponsibility() {
        return "PR".equals(group);
    }
}
