package com.hmoexchange.hub.responses;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Money the payer did not pay, and why: X12 CAS group (CO contractual, PR patient responsibility, OA other,
 * PI payer-initiated) with a reason code. A negative amount gives money back. The group is null when the
 * payer gave none (a CSV reason column): then it says nothing of who owes the amount.
 */
public record Adjustment(Group group, String reason, BigDecimal amount) {

    /** The X12 claim adjustment group: who bears the amount. */
    public enum Group {
        /** Contractual: the provider's write-off under its agreement; never billed to the patient. */
        CO("contractual"),
        /** Patient responsibility: deductible, coinsurance, co-payment; the only amounts billed to the patient. */
        PR("patient's to pay"),
        /** Other adjustment: neither the patient's nor contractual. */
        OA("other adjustment"),
        /** Payer-initiated reduction: not the patient's to pay. */
        PI("payer-initiated");

        private final String meaning;

        Group(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }

        /** The group for a code, or null when it is none of CO, PR, OA, PI. */
        public static Group of(String code) {
            if (code == null) {
                return null;
            }
            try {
                return valueOf(code.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

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
        return code + " " + amount.toPlainString() + (meaning == null ? "" : ": " + meaning)
                + (group == null ? "" : " (" + group.meaning() + ")");
    }

    @JsonIgnore
    public boolean isPatientResponsibility() {
        return group == Group.PR;
    }

    @JsonIgnore
    public boolean isContractual() {
        return group == Group.CO;
    }
}
