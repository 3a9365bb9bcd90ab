package com.hmoexchange.hub.enrollees;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Eligibility look-up for a provider's front desk: given the number on the enrollee's card, who is
 * it, which payer covers them and is the cover active today. Search by name is for the HMO and its
 * clients (the portal), not for providers.
 */
@RestController
@RequestMapping("/api/enrollees")
@Tag(name = "Enrollees", description = "Eligibility look-up by enrollee number")
class EnrolleeController {

    private final EnrolleeRepository enrollees;
    private final PayerRepository payers;
    private final Contracts contracts;

    private final AuditLog audit;

    EnrolleeController(EnrolleeRepository enrollees, PayerRepository payers, Contracts contracts, AuditLog audit) {
        this.audit = audit;
        this.enrollees = enrollees;
        this.payers = payers;
        this.contracts = contracts;
    }

    record EnrolleeView(String enrolleeNumber, String payer, String firstName, String lastName, LocalDate dateOfBirth,
            Relationship relationship, String principalNumber, EnrolleeStatus status, LocalDate coverStart,
            LocalDate coverEnd, boolean coveredToday) {
    }

    /** Numbers often hold slashes (ACM/10001/0), so the rest of the path is the number. */
    @GetMapping("/{*enrolleeNumber}")
    @Transactional(readOnly = true)
    @Operation(summary = "Look up an enrollee by the number on their card, with today's cover")
    EnrolleeView byNumber(@AuthenticationPrincipal HubUser user, @PathVariable("enrolleeNumber") String path) {
        String enrolleeNumber = path.startsWith("/") ? path.substring(1) : path;
        Enrollee e = enrollees.findByEnrolleeNumber(enrolleeNumber)
                .orElseThrow(() -> new NotFoundException("Enrollee", enrolleeNumber));
        if (user.role() == Role.HMO_ADMIN && !e.getPayerId().equals(user.payerId())) {
            throw new NotFoundException("Enrollee", enrolleeNumber);
        }
        if (user.role().isProviderSide()) {
            // A practice sees only the members of payers it has a contract with today.
            contracts.requireCurrent(user.requireProviderId(), e.getPayerId(), contracts.today());
        }
        audit.record(AuditAction.MEMBER_LOOKED_UP, "enrollee", e.getEnrolleeNumber(), "by number");
        String payer = payers.findById(e.getPayerId()).map(p -> p.getCode()).orElse(null);
        return new EnrolleeView(e.getEnrolleeNumber(), payer, e.getFirstName(), e.getLastName(), e.getDateOfBirth(),
                e.getRelationship(), e.isPrincipal() ? null : e.getPrincipal().getEnrolleeNumber(), e.getStatus(),
                e.getCoverStart(), e.getCoverEnd(), e.isCoveredOn(LocalDate.now()));
    }
}
