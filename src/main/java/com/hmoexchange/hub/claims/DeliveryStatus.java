package com.hmoexchange.hub.claims;

/**
 * Whether the claim has reached its payer. FAILING: the channel is down and the hub keeps retrying;
 * REFUSED: the payer answered that it will not take the claim as sent (see the delivery error).
 */
public enum DeliveryStatus {
    NOT_SENT, DELIVERED, FAILING, REFUSED, DEAD_LETTERED
}
