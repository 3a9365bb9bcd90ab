package com.hmoexchange.hub.enrollees;

import com.hmoexchange.hub.common.Labelled;

/** An enrollee's relationship to the principal (X12 834 INS02: 18 self, 01 spouse, 19 child). */
public enum Relationship implements Labelled {
    SELF("Principal"),
    SPOUSE("Spouse"),
    CHILD("Child");

    private final String label;

    Relationship(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
