package com.hmoexchange.hub.security;

/**
 * Who a user is to the hub. Provider-side roles carry a provider; HMO_ADMIN carries a payer;
 * CLIENT_USER (a corporate client's HR officer) carries a client and that client's payer;
 * OPERATOR runs the hub itself (message store, dead letters, re-sends) and belongs to none of them.
 */
public enum Role {
    OWNER, ADMIN, BILLING_STAFF, HMO_ADMIN, CLIENT_USER, OPERATOR;

    public boolean isProviderSide() {
        return this == OWNER || this == ADMIN || this == BILLING_STAFF;
    }
}
