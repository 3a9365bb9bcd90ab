package com.hmoexchange.hub.receivables;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the money-owed page and API show (definitions in docs/web-portals.md, "Money owed"). */
final class Figures {

    private Figures() {
    }

    /** What is still owed, by the claim's age in days since it was submitted. */
    record Aging(@Schema(description = "0 to 30 days") BigDecimal upTo30, @Schema(description = "31 to 60 days") BigDecimal upTo60,
            @Schema(description = "61 to 90 days") BigDecimal upTo90, @Schema(description = "more than 90 days") BigDecimal over90) {

        static final Aging NONE = new Aging(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public BigDecimal total() {
            return upTo30.add(upTo60).add(upTo90).add(over90);
        }

        Aging plus(Aging other) {
            return new Aging(upTo30.add(other.upTo30), upTo60.add(other.upTo60), upTo90.add(other.upTo90), over90.add(other.over90));
        }

        List<BigDecimal> amounts() {
            return List.of(upTo30, upTo60, upTo90, over90);
        }
    }

    /** A payer's reason given on rejected claims, in its words, and on how many of them. */
    record ReasonCount(String reason, long claims) {
    }

    /** A paid line below the tariff in force today for its service. */
    record BelowTariff(String claimNumber, String party, String serviceCode, int quantity, BigDecimal paid,
            BigDecimal atCurrentTariff, BigDecimal shortfall) {
    }

    /** The figures of one payer (on a practice's page) or one practice (on an HMO's). */
    record Party(String code, String name, String currency,
            @Schema(description = "what is still owed, by age since submission") Aging owed,
            @Schema(description = "claims with something still owed") long claimsOwed,
            @Schema(description = "median days from submission to the payer's decision, over decided claims; null when none") BigDecimal medianDaysToDecision,
            @Schema(description = "median days from submission to the first payment, over paid claims; null when none") BigDecimal medianDaysToPayment,
            @Schema(description = "first submissions (not resubmissions) with a decision") long firstSubmissionsDecided,
            @Schema(description = "of those, approved in full or in part") long acceptedFirstTime,
            @Schema(description = "acceptedFirstTime / firstSubmissionsDecided, 0 to 1; null when none decided") BigDecimal firstPassRate,
            @Schema(description = "the commonest reasons on rejected claims, most frequent first") List<ReasonCount> topRejectionReasons,
            @Schema(description = "paid claims with a line paid below the tariff in force today") long claimsBelowTariff,
            @Schema(description = "the tariff amount of those lines less what was paid for them") BigDecimal belowTariffShortfall) {

        public BigDecimal owedTotal() {
            return owed.total();
        }
    }

    /** How long a client's enrollee change requests have been waiting for the HMO. */
    record PendingRequests(String client, long pending, long underOneDay, long oneToSeven, long eightToThirty, long overThirty,
            LocalDate oldestSince) {
    }

    record Summary(@Schema(description = "PRACTICE: one row per payer; HMO: one row per practice") String side,
            String currency, LocalDate asOf, List<Party> parties, Aging totalOwed, List<BelowTariff> belowTariff,
            @Schema(description = "for an HMO: its clients' pending change requests by age; empty for a practice") List<PendingRequests> pendingRequests) {
    }
}
