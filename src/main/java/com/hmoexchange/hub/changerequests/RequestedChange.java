package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.enrollees.Relationship;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A change as a client asks for it, from the portal API or a row of a bulk CSV file. Which fields
 * are needed depends on the kind (see {@link ChangeRequests#request}).
 */
@Schema(description = """
        ADD_DEPENDENT: enrolleeNumber (the principal), relationship (SPOUSE|CHILD), firstName, lastName, dateOfBirth.
        REMOVE_DEPENDENT: enrolleeNumber (the dependent). EDIT_DETAILS: enrolleeNumber and any of firstName, lastName,
        dateOfBirth. CHANGE_PRIMARY_PROVIDER: enrolleeNumber, primaryProvider (provider code). REGISTER_PRINCIPAL:
        firstName, lastName, dateOfBirth, optional plan (code), primaryProvider, coverStart (default today).
        note: optional words for the HMO.""")
public record RequestedChange(@NotNull ChangeKind kind, @Size(max = 40) String enrolleeNumber, Relationship relationship,
        @Size(max = 100) String firstName, @Size(max = 100) String lastName, LocalDate dateOfBirth,
        @Size(max = 40) String primaryProvider, @Size(max = 40) String plan, LocalDate coverStart,
        @Size(max = 500) String note) {
}
