package com.hmoexchange.hub.responses;

import java.math.BigDecimal;

/**
 * What the hub can store of a payer's amount (numeric(14, 2): twelve digits before the point, two after),
 * checked where the document is read so that a wrong amount is reported on its line instead of failing in the
 * database.
 */
public final class Amounts {

    /** The largest amount the store holds. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Amounts() {
    }

    /** Why the amount cannot be stored ("is too large: …"), or null when it can (and for no amount). */
    public static String problem(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (amount.abs().compareTo(MAX) > 0) {
            return "is too large: the hub holds amounts up to 999,999,999,999.99";
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return "has more than two decimal places: give it in naira and kobo (for example 1500.25)";
        }
        return null;
    }
}
