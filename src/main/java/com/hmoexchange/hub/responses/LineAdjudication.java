package com.hmoexchange.hub.responses;

import java.math.BigDecimal;
import java.util.List;

/** The payer's adjudication of one claim line, keyed by the line sequence the hub sent. Quantity may be absent. */
public record LineAdjudication(int sequence, Integer approvedQuantity, BigDecimal approvedAmount, List<Reason> reasons) {

    public LineAdjudication {
        reasons = List.copyOf(reasons);
    }
}
