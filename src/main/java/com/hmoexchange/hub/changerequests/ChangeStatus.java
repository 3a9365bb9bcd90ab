package com.hmoexchange.hub.changerequests;

/** PENDING until the HMO decides (APPROVED applies the change, DECLINED cancels it) or the client withdraws. */
public enum ChangeStatus {
    PENDING, APPROVED, DECLINED, WITHDRAWN
}
