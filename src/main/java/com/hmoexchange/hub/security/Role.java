package com.hmoexchange.hub.security;

/** Who a user is to the hub. Provider-side roles carry a provider; HMO_ADMIN carries a payer. */
public enum Role {
    OWNER, ADMIN, BILLING_STAFF, HMO_ADMIN;

    public boolean isProviderSide() {
        return this != HMO_ADMIN;
    }
}
