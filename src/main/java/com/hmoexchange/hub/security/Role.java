package com.hmoexchange.hub.security;

/**
 * Who a user is to the hub. Provider-side roles carry a provider; HMO_ADMIN carries a payer;
 * CLIENT_USER (a corporate client's HR officer) carries a client and that client's payer.
 */
public enum Role {
    OWNER, ADMIN, BILLING_STAFF, HMO_ADMIN, CLIENT_USER;

    public boolean isProviderSide() {
        return this == OWNER || this == ADMIN || this == BILLING_STAFF;
    }
}
