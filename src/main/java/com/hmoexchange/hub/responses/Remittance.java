package com.hmoexchange.hub.responses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One payment from a payer and the claims it covers. The payment key is the payer with
 * {@code paymentReference} (bank transfer, cheque, X12 TRN02). {@code providerAdjustments} are amounts the
 * payer takes off the whole payment (X12 PLB; positive reduces the payment).
 */
public record Remittance(String paymentReference, LocalDate paymentDate, BigDecimal total,
        BigDecimal providerAdjustments, List<RemittedClaim> claims) {

    public Remittance {
        claims = List.copyOf(claims);
    }

    /** The sum of the parts: claim payments less provider-level adjustments (X12 BPR02 = ΣCLP04 − ΣPLB). */
    public BigDecimal partsTotal() {
        return claims.stream().map(RemittedClaim::paid).reduce(BigDecimal.ZERO, BigDecimal::add)
                .subtract(providerAdjustments);
    }

    public boolean balances() {
        return total.compareTo(partsTotal()) == 0;
    }
}
