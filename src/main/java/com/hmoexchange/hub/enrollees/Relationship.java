package com.hmoexchange.hub.enrollees;

/** An enrollee's relationship to the principal (X12 834 INS02: 18 self, 01 spouse, 19 child). */
public enum Relationship {
    SELF, SPOUSE, CHILD
}
