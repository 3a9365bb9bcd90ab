package com.hmoexchange.hub.enrollees;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.security.HubUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A practice's front desk finds a member by the number on their card plus their date of birth (or surname),
 * and only among the payers the practice has a current contract with. Every look-up is recorded, found or
 * not, before the answer goes back, so a refused one is on record too.
 */
@Service
public class MemberLookups {

    private final EnrolleeRepository enrollees;
    private final MemberLookupRepository lookups;
    private final Contracts contracts;
    private final Clock clock;

    private final AuditLog audit;

    MemberLookups(EnrolleeRepository enrollees, MemberLookupRepository lookups, Contracts contracts, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.enrollees = enrollees;
        this.lookups = lookups;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** Not transactional on purpose: the record of the look-up stays even when the answer is a refusal. */
    public Enrollee lookUp(HubUser user, String enrolleeNumber, LocalDate dateOfBirth, String surname) {
        long providerId = user.requireProviderId();
        if (enrolleeNumber == null || enrolleeNumber.isBlank()) {
            throw new InvalidInput("enrolleeNumber", "Give the enrollee number as on the member's card.");
        }
        if ((dateOfBirth == null) == (surname == null || surname.isBlank())) {
            throw new InvalidInput("dateOfBirth", "Give the member's date of birth or their surname (one of the two).");
        }
        String number = enrolleeNumber.trim();
        Optional<Enrollee> match = enrollees.findWithPrincipal(number).filter(e -> dateOfBirth != null
                ? e.getDateOfBirth().equals(dateOfBirth)
                : e.getLastName().trim().toLowerCase(Locale.ROOT).equals(surname.trim().toLowerCase(Locale.ROOT)));
        LocalDate today = LocalDate.now(clock);
        boolean contracted = match.isPresent() && contracts.current(providerId, match.get().getPayerId(), today).isPresent();
        lookups.save(new MemberLookup(clock.instant(), user.getUsername(), providerId, number,
                match.map(Enrollee::getId).orElse(null), contracted));
        audit.record(AuditAction.MEMBER_LOOKED_UP, "enrollee", number, contracted ? "found" : match.isPresent() ? "not contracted" : "not found");
        if (match.isEmpty()) {
            throw new NotFoundException("Member with that number and " + (dateOfBirth != null ? "date of birth" : "surname"),
                    "(check both as written on the card)");
        }
        if (!contracted) {
            contracts.requireCurrent(providerId, match.get().getPayerId(), today);
        }
        return match.get();
    }

    /** Who looked up one of the HMO's members, newest first. */
    public List<MemberLookup> lookupsOf(long payerId, String enrolleeNumber) {
        Enrollee member = enrollees.findByEnrolleeNumber(enrolleeNumber).filter(e -> e.getPayerId() == payerId)
                .orElseThrow(() -> new NotFoundException("Enrollee", enrolleeNumber));
        return lookups.findTop200ByEnrolleeIdOrderByLookedUpAtDesc(member.getId());
    }
}
