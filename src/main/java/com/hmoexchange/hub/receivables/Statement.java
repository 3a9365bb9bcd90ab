package com.hmoexchange.hub.receivables;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A statement of account between one practice and one payer: the claims submitted in the period, claim by
 * claim, with what was billed, approved, paid and is still owed, and the totals.
 */
record Statement(String practiceCode, String practice, String payerCode, String payer, String currency,
        @Schema(description = "first day of the period (submission dates, in the hub's time zone); null: from the first claim") LocalDate from,
        @Schema(description = "last day of the period, inclusive") LocalDate to,
        Instant generatedAt, List<Line> lines, Totals totals) {

    record Line(String claimNumber,
            @Schema(description = "the patient's enrollee number with the payer") String patient,
            LocalDate serviceDate, LocalDate submittedOn, BigDecimal billed,
            @Schema(description = "what the payer approved; null until it decided") BigDecimal approved,
            BigDecimal paid,
            @Schema(description = "what the payer still owes: approved (or billed until decided) less paid") BigDecimal outstanding,
            @Schema(description = "days since submission") long ageDays,
            @Schema(description = "the claim's state in words") String status) {
    }

    record Totals(int claims, BigDecimal billed, BigDecimal approved, BigDecimal paid, BigDecimal outstanding) {

        /** "1 claim", "2 claims". */
        public String countInWords() {
            return claims + (claims == 1 ? " claim" : " claims");
        }
    }

    /** The period as words: "1 Jan 2026 to 2 Dec 2026", or "up to 2 Dec 2026". */
    public String period() {
        return (from == null ? "up to " : Presentation.date(from) + " to ") + Presentation.date(to);
    }

    /** A name for the downloaded file: statement-acme-hmo-2026-12-02. */
    String fileName(String extension) {
        return "statement-" + payerCode + "-" + practiceCode + "-" + to + "." + extension;
    }
}
