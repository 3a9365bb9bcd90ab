package com.hmoexchange.hub.security;

/**
 * Who a user is to the hub. Provider-side roles carry a provider; HMO_ADMIN carries a payer;
 * CLIENT_USER (a corporate client's HR officer) carries a client and that client's payer;
 * OPERATOR runs the hub itself (message store, dead letters, re-sends) and belongs to none of them;
 * PLATFORM_ADMIN records HMOs, practices and contracts, invites their first administrators, and manages
 * operators and other platform administrators.
 */
public enum Role {
    OWNER, ADMIN, BILLING_STAFF, HMO_ADMIN, CLIENT_USER, OPERATOR, PLATFORM_ADMIN;

    public boolean isProviderSide() {
        return this == OWNER || this == ADMIN || this == BILLING_STAFF;
    }

    /** The hub's own staff: they belong to no practice, HMO or client. */
    public boolean isPlatformSide() {
        return this == OPERATOR || this == PLATFORM_ADMIN;
    }
}
