package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.common.Labelled;

/** PENDING until the HMO decides (APPROVED applies the change, DECLINED cancels it) or the client withdraws. */
public enum ChangeStatus implements Labelled {
    PENDING("Pending"),
    APPROVED("Approved"),
    DECLINED("Declined"),
    WITHDRAWN("Withdrawn");

    private final String label;

    ChangeStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
