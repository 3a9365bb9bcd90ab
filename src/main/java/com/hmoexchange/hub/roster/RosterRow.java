package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.enrollees.Relationship;
import java.time.LocalDate;

/**
 * One member as a roster file states them. {@code at} says where in the file (line or segment), for the
 * preview and for refusals. A principal has no principal number; a dependant names their principal's.
 * A dependant's plan is their principal's, so {@code plan} may be empty for them.
 */
record RosterRow(String at, Maintenance action, String enrolleeNumber, String principalNumber, Relationship relationship,
        String firstName, String lastName, LocalDate dateOfBirth, String plan, String primaryProvider,
        LocalDate coverStart, LocalDate coverEnd) {

    boolean isPrincipal() {
        return relationship == Relationship.SELF;
    }
}
