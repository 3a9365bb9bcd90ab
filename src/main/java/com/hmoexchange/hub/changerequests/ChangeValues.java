package com.hmoexchange.hub.changerequests;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.hmoexchange.hub.enrollees.EnrolleeStatus;
import com.hmoexchange.hub.enrollees.Relationship;
import java.time.LocalDate;

/**
 * An enrollee's values as a change request shows them, before and after; a field left null is not
 * part of the change. Provider and plan are by code, as people know them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeValues(String enrolleeNumber, String principalNumber, Relationship relationship, String firstName,
        String lastName, LocalDate dateOfBirth, String primaryProvider, String plan, LocalDate coverStart,
        EnrolleeStatus status, String note) {
}
