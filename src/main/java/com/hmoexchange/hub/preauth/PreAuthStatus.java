package com.hmoexchange.hub.preauth;

/** Where a pre-authorisation request stands (docs/pre-authorisation.md has the diagram). */
public enum PreAuthStatus {
    /** Waiting for the HMO; the clock runs. */
    REQUESTED,
    /** The HMO asked the practice for more information; the clock stops until the practice answers. */
    MORE_INFO_ASKED,
    APPROVED,
    PARTLY_APPROVED,
    DECLINED,
    /** The HMO let the limit pass: the practice may proceed under the hub's code and the HMO is liable (NHIA). */
    DEEMED_AUTHORISED,
    /** Treated at once without waiting; the HMO reviews it after the fact. */
    EMERGENCY;

    /** Whether the request's code lets the practice claim for the services. */
    public boolean authorises() {
        return this == APPROVED || this == PARTLY_APPROVED || this == DEEMED_AUTHORISED || this == EMERGENCY;
    }

    public boolean waitingForHmo() {
        return this == REQUESTED;
    }

    public boolean decided() {
        return this != REQUESTED && this != MORE_INFO_ASKED;
    }
}
