package com.hmoexchange.hub.claims;

import java.math.BigDecimal;

/** What the payer has paid against what it owes on the claim. OVERPAID is flagged for a person to sort out. */
public enum PaymentStatus {
    UNPAID, PARTIALLY_PAID, PAID, OVERPAID;

    /** The status of {@code paid} against what the payer is expected to pay. */
    public static PaymentStatus of(BigDecimal paid, BigDecimal expected) {
        if (paid.signum() == 0) {
            return UNPAID;
        }
        int against = paid.compareTo(expected);
        return against > 0 ? OVERPAID : against == 0 ? PAID : PARTIALLY_PAID;
    }
}
