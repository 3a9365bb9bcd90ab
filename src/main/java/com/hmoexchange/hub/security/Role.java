package com.hmoexchange.hub.security;

/**
 * Who a user is to the hub. Provider-side roles carry a provider; HMO_ADMIN carries a payer;
 * OPERATOR runs the hub itself (message store, dead letters, re-sends) and belongs to neither.
 */
public enum Role {
    OWNER, ADMIN, BILLING_STAFF, HMO_ADMIN, OPERATOR;

    public boolean isProviderSide() {
        return this == OWNER || this == ADMIN || this == BILLING_STAFF;
    }
}
