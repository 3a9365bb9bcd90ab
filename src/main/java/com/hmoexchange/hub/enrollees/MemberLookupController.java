package com.hmoexchange.hub.enrollees;

import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The front desk's member look-up (number plus date of birth or surname, contracted payers only), and the
 * HMO's record of who looked up one of its members. A POST, so the date of birth is not in any URL or access log.
 */
@RestController
@Tag(name = "Member look-up", description = "Practices find a member of a contracted payer; every look-up is recorded")
class MemberLookupController {

    private final MemberLookups lookups;
    private final PayerRepository payers;

    MemberLookupController(MemberLookups lookups, PayerRepository payers) {
        this.lookups = lookups;
        this.payers = payers;
    }

    record LookupRequest(String enrolleeNumber, LocalDate dateOfBirth, String surname) {
    }

    record MemberView(String enrolleeNumber, String payer, String firstName, String lastName, LocalDate dateOfBirth,
            Relationship relationship, String principalNumber, EnrolleeStatus status, LocalDate coverStart,
            LocalDate coverEnd, boolean coveredToday) {
    }

    record LookupView(Instant at, String by, boolean found) {
    }

    @PostMapping("/api/enrollees/lookups")
    @Operation(summary = "Find a member by card number plus date of birth or surname, among your contracted payers (recorded)")
    MemberView lookUp(@AuthenticationPrincipal HubUser user, @RequestBody LookupRequest body) {
        Enrollee e = lookups.lookUp(user, body.enrolleeNumber(), body.dateOfBirth(), body.surname());
        return new MemberView(e.getEnrolleeNumber(), payers.findById(e.getPayerId()).map(p -> p.getCode()).orElse(null),
                e.getFirstName(), e.getLastName(), e.getDateOfBirth(), e.getRelationship(),
                e.isPrincipal() ? null : e.getPrincipal().getEnrolleeNumber(), e.getStatus(), e.getCoverStart(), e.getCoverEnd(),
                e.isCoveredOn(LocalDate.now()));
    }

    @GetMapping("/api/hmo/member-lookups")
    @Operation(summary = "Who looked up one of your members, and when (newest first, at most 200)")
    List<LookupView> lookupsOf(@AuthenticationPrincipal HubUser user, @RequestParam String enrolleeNumber) {
        return lookups.lookupsOf(user.requireHmoPayerId(), enrolleeNumber).stream()
                .map(l -> new LookupView(l.getLookedUpAt(), l.getLookedUpBy(), l.isFound())).toList();
    }
}
