package com.hmoexchange.hub.claims;

/** Where the patient's share on a decided claim comes from. */
public enum PatientShareBasis {
    /** The payer said what the patient owes (X12 PR and CLP05, FHIR copay/deductible, a mapped field). */
    PAYER,
    /** The payer gave no split: what it did not approve of the billed amount is the patient's. */
    BILLED_LESS_APPROVED
}
