package com.hmoexchange.hub.responses;

import java.util.List;

/**
 * A payer's acknowledgement of one transaction set the hub sent (X12 999 AK2/IK5): accepted or rejected, with
 * the syntax errors it found. {@code setControlNumber} is the ST02 the hub wrote into its 837.
 */
public record SetAcknowledgement(String setControlNumber, boolean accepted, List<Reason> errors) {

    public SetAcknowledgement {
        errors = List.copyOf(errors);
    }
}
