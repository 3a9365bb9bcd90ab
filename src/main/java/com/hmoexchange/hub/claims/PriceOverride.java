package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.common.InvalidInput;
import java.math.BigDecimal;

/** A price set by a person instead of the tariff; always with the reason. */
record PriceOverride(BigDecimal unitPrice, String reason) {

    PriceOverride {
        if (unitPrice == null || unitPrice.signum() < 0) {
            throw new InvalidInput("unitPrice", "unitPrice must be zero or more.");
        }
        if (unitPrice.scale() > 2) {
            throw new InvalidInput("unitPrice", "unitPrice " + unitPrice + " has more than two decimal places.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("priceReason", "A price that differs from the tariff needs a reason (priceReason).");
        }
        unitPrice = unitPrice.setScale(2);
        reason = reason.trim();
    }
}
