package com.hmoexchange.hub.security;

import com.hmoexchange.hub.common.Labelled;

/**
 * Who a user is to the hub. Provider-side roles carry a provider; HMO_ADMIN carries a payer;
 * CLIENT_USER (a corporate client's HR officer) carries a client and that client's payer;
 * OPERATOR runs the hub itself (message store, dead letters, re-sends) and belongs to none of them;
 * PLATFORM_ADMIN records HMOs, practices and contracts, invites their first administrators, and manages
 * operators and other platform administrators.
 */
public enum Role implements Labelled {
    OWNER("Practice owner"), ADMIN("Practice administrator"), BILLING_STAFF("Billing staff"), HMO_ADMIN("HMO officer"),
    CLIENT_USER("Client HR officer"), OPERATOR("Hub operator"), PLATFORM_ADMIN("Platform administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean isProviderSide() {
        return this == OWNER || this == ADMIN || this == BILLING_STAFF;
    }

    /** The hub's own staff: they belong to no practice, HMO or client. */
    public boolean isPlatformSide() {
        return this == OPERATOR || this == PLATFORM_ADMIN;
    }
}
