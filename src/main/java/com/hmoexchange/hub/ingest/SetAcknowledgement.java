package com.hmoexchange.hub.ingest;

import java.util.List;

/**
 * A payer's acknowledgement of one transaction set the hub sent (X12 999 AK2/IK5): accepted or rejected, with
 * the syntax errors it found. {@code setControlNumber} is the ST02 the hub wrote into its 837.
 */
public record SetAcknowledgement(String setControlNumber, boolean accepted, List<Reason> errors) {

    public SetAcknowledgement {
        errors = List.copyOf(errors);
    }

    /**
     * The claim the acknowledged set carried: the hub sends one claim per 837 and numbers the set with the
     * claim number's digits (dispatch's Claim837). Null when the number cannot be one of the hub's.
     */
    public String claimNumber() {
        return setControlNumber != null && setControlNumber.matches("\\d{4,9}")
                ? "CLM-%08d".formatted(Long.parseLong(setControlNumber)) : null;
    }
}
