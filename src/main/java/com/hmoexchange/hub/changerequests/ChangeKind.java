package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.common.Labelled;

/** What a client asks the HMO to change (X12 834 INS03 terms: addition, cancellation, change). */
public enum ChangeKind implements Labelled {
    ADD_DEPENDENT("Add a dependent"),
    REMOVE_DEPENDENT("Remove a dependent"),
    EDIT_DETAILS("Edit details"),
    CHANGE_PRIMARY_PROVIDER("Change primary provider"),
    REGISTER_PRINCIPAL("Register a principal");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
