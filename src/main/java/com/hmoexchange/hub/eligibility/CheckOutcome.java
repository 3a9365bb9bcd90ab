package com.hmoexchange.hub.eligibility;

/** What a check found. */
public enum CheckOutcome {
    COVERED,
    NOT_COVERED,
    /** The payer could not be reached and there was no earlier answer to show. */
    UNKNOWN,
    /** Refused before any source was asked: no member has the number, or the practice has no contract with the payer. */
    REFUSED
}
