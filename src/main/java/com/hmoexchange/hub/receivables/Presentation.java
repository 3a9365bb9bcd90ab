package com.hmoexchange.hub.receivables;

import com.hmoexchange.hub.web.Display;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How the money-owed page, the statement's CSV and PDF write money, dates and claim states: money and dates as
 * every page writes them ({@link Display}), a claim's state and payment together in words.
 */
final class Presentation {

    private Presentation() {
    }

    static String money(BigDecimal amount, String currency) {
        return Display.moneyOf(amount, currency);
    }

    static String date(LocalDate date) {
        return Display.dayOf(date);
    }

    static String moment(Instant at, ZoneId zone) {
        return Display.in(zone).when(at);
    }

    /** The claim's state as a person says it: where it is with the payer, and what has been paid. */
    static String status(String claimStatus, String paymentStatus) {
        String where = switch (claimStatus) {
            case "SUBMITTED" -> "Sent to the payer";
            case "RECEIVED" -> "Received by the payer";
            case "IN_REVIEW" -> "In review";
            case "APPROVED" -> "Approved";
            case "PARTIAL" -> "Partly approved";
            case "REJECTED" -> "Rejected";
            default -> claimStatus;
        };
        if ("REJECTED".equals(claimStatus)) {
            return where;
        }
        String money = switch (paymentStatus) {
            case "UNPAID" -> "not paid";
            case "PARTIALLY_PAID" -> "part paid";
            case "PAID" -> "paid";
            case "OVERPAID" -> "overpaid";
            default -> paymentStatus;
        };
        return where + ", " + money;
    }

    /** A share from 0 to 1 as a whole percentage, or a dash. */
    static String percent(BigDecimal share) {
        return share == null ? "–" : share.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP) + "%";
    }
}
