package com.hmoexchange.hub.responses;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Money the payer did not pay, and why: X12 CAS group (CO contractual, PR patient responsibility, OA other,
 * PI payer-initiated) with a reason code. A negative amount gives money back.
 */
public record Adjustment(String group, String reason, BigDecimal amount) {

    private static final Map<String, String> GROUPS = Map.of("CO", "contractual", "PR", "patient's to pay",
            "OA", "other adjustment", "PI", "payer-initiated");
    /** The claim adjustment reason codes payers use most, in plain words (the payer's code stays beside them). */
    private static final Map<String, String> REASONS = Map.ofEntries(Map.entry("1", "deductible"),
            Map.entry("2", "coinsurance"), Map.entry("3", "co-payment"),
            Map.entry("16", "the claim lacks information needed to decide"), Map.entry("18", "duplicate claim or service"),
            Map.entry("29", "filed too late"), Map.entry("45", "charge exceeds the fee schedule or agreed fee"),
            Map.entry("50", "not medically necessary"), Map.entry("96", "not covered"),
            Map.entry("97", "included in the payment for another service"),
            Map.entry("197", "pre-authorisation missing"));

    /** For a person: "CO-45 2500: charge exceeds the fee schedule or agreed fee (contractual)". */
    public String describe() {
        String code = (group == null ? "" : group + "-") + (reason == null ? "" : reason);
        String meaning = reason == null ? null : REASONS.get(reason);
        String kind = group == null ? null : GROUPS.get(group);
        return code + " " + amount.toPlainString() + (meaning == null ? "" : ": " + meaning)
                + (kind == null ? "" : " (" + kind + ")");
    }

    public boolean isPatientResponsibility() {
        return "PR".equals(group);
    }
}
