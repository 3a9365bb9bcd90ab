package com.hmoexchange.hub.notifications;

/** Who a notice is for: each audience has its own owner (a practice, an HMO, a client), except the hub's operators. */
public enum Audience {
    /** A practice's billing staff (owner: the provider). */
    PRACTICE,
    /** An HMO's staff (owner: the payer). */
    HMO,
    /** A corporate client's HR officers (owner: the client). */
    CLIENT,
    /** The hub's operators (no owner). */
    OPERATORS;

    boolean hasOwner() {
        return this != OPERATORS;
    }
}
