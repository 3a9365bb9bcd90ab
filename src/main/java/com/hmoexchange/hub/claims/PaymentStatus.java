package com.hmoexchange.hub.claims;

/** What the payer has paid against what it owes on the claim. OVERPAID is flagged for a person to sort out. */
public enum PaymentStatus {
    UNPAID, PARTIALLY_PAID, PAID, OVERPAID
}
