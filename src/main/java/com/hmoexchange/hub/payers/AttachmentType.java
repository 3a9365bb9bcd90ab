package com.hmoexchange.hub.payers;

import com.hmoexchange.hub.common.Labelled;

/** Kinds of supporting document a payer may require with a claim. */
public enum AttachmentType implements Labelled {
    REFERRAL_LETTER("Referral letter"),
    XRAY("X-ray"),
    TREATMENT_PLAN("Treatment plan"),
    LAB_RESULT("Lab result"),
    PRESCRIPTION("Prescription"),
    DISCHARGE_SUMMARY("Discharge summary"),
    INVOICE("Invoice"),
    OTHER("Other document");

    private final String label;

    AttachmentType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
