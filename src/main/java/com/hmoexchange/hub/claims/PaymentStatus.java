package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.common.Labelled;
import java.math.BigDecimal;

/** What the payer has paid against what it owes on the claim. OVERPAID is flagged for a person to sort out. */
public enum PaymentStatus implements Labelled {
    UNPAID("Unpaid"), PARTIALLY_PAID("Partly paid"), PAID("Paid"), OVERPAID("Overpaid");

    private final String label;

    PaymentStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The status of {@code paid} against what the payer is expected to pay. */
    public static PaymentStatus of(BigDecimal paid, BigDecimal expected) {
        if (paid.signum() == 0) {
            return UNPAID;
        }
        int against = paid.compareTo(expected);
        return against > 0 ? OVERPAID : against == 0 ? PAID : PARTIALLY_PAID;
    }
}
