package com.hmoexchange.hub.messages;

/** How one attempt at a message ended (IN_FLIGHT while it is being sent). */
public enum Outcome {
    IN_FLIGHT, DELIVERED, REFUSED, FAILED, DEAD_LETTERED, SKIPPED_DUPLICATE
}
