package com.hmoexchange.hub.responses;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a remittance says about one service line. {@code sequence} is the hub's line sequence when the payer
 * echoed it (X12 REF*6R), else null and the line is found by service code.
 */
public record RemittedLine(Integer sequence, String serviceCode, BigDecimal charged, BigDecimal paid, Integer units,
        List<Adjustment> adjustments) {

    public RemittedLine {
        adjustments = List.copyOf(adjustments);
    }
}
