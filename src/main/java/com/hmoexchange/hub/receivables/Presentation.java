package com.hmoexchange.hub.receivables;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the money-owed page, the statement's CSV and PDF write money, dates and claim states: one money format
 * with the currency ("₦4,500.00"), dates as "2 Dec 2026" where the practice is, states in words.
 */
final class Presentation {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.UK);

    private Presentation() {
    }

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        String digits = format.format(amount.abs());
        String symbol = "NGN".equals(currency) ? "₦" : currency + " ";
        return (amount.signum() < 0 ? "-" : "") + symbol + digits;
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String moment(Instant at, ZoneId zone) {
        return MOMENT.format(at.atZone(zone));
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
