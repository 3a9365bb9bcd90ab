package com.hmoexchange.hub.payers;

/** Kinds of supporting document a payer may require with a claim. */
public enum AttachmentType {
    REFERRAL_LETTER, XRAY, TREATMENT_PLAN, LAB_RESULT, PRESCRIPTION, DISCHARGE_SUMMARY, INVOICE, OTHER
}
