package com.hmoexchange.hub.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the hub asks a payer: is this member covered on this day, for these services. The same question goes out as a
 * FHIR CoverageEligibilityRequest or, through the payer's JSONata mapping, as its own JSON (then in this shape:
 * {@code reference, created, enrolleeNumber, date, serviceCodes, practice {code, name}, payer {code, name}}).
 *
 * @param reference the hub's reference of the question, which the payer's answer may name
 */
record PayerQuestion(String reference, Instant created, String enrolleeNumber, LocalDate date, List<String> serviceCodes,
        String practiceCode, String practiceName, String payerCode, String payerName) {

    PayerQuestion {
        serviceCodes = List.copyOf(serviceCodes);
    }
}
