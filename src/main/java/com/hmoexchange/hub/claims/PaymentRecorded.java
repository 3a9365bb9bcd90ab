package com.hmoexchange.hub.claims;

import java.math.BigDecimal;

/** A payment was posted against a claim; overpaidBy above zero is the over-payment flag. */
public record PaymentRecorded(String claimNumber, String reference, BigDecimal amount, PaymentStatus paymentStatus,
        BigDecimal overpaidBy) {
}
