package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.common.Labelled;

/**
 * Whether the claim has reached its payer. FAILING: the channel is down and the hub keeps retrying;
 * REFUSED: the payer answered that it will not take the claim as sent (see the delivery error).
 */
public enum DeliveryStatus implements Labelled {
    NOT_SENT("Not sent yet"),
    DELIVERED("Delivered"),
    FAILING("Failing, retrying"),
    REFUSED("Refused by the payer"),
    DEAD_LETTERED("Stopped (with the operators)");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
