package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.common.Days;
import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.web.Display;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies an approved request to the enrollees, in the approval's transaction. A request made on
 * data that has changed since (the enrollee removed, or changed by another approved request) is
 * refused with what changed, never applied blindly; the dependents policy is checked again.
 */
@Component
class ChangeApplier {

    private final EnrolleeRepository enrollees;
    private final EnrolleeFacts facts;
    private final DependentsPolicies policies;
    private final EnrolleeNumbers numbers;
    private final Clock clock;

    ChangeApplier(EnrolleeRepository enrollees, EnrolleeFacts facts, DependentsPolicies policies, EnrolleeNumbers numbers,
            Clock clock) {
        this.enrollees = enrollees;
        this.facts = facts;
        this.policies = policies;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** Returns the enrollee created or changed. */
    Enrollee apply(ChangeRequest request, Client client) {
        ChangeValues after = request.getAfter();
        LocalDate today = LocalDate.now(clock);
        return switch (request.getKind()) {
            case ADD_DEPENDENT -> {
                Enrollee principal = current(request);
                policies.check(principal, List.of(), after.relationship(), after.dateOfBirth(), today);
                yield enrollees.save(principal.dependent(numbers.nextDependent(principal), after.relationship(),
                        after.firstName(), after.lastName(), after.dateOfBirth()));
            }
            case REMOVE_DEPENDENT -> {
                Enrollee dependent = unchanged(request);
                dependent.terminateCover(today);
                yield dependent;
            }
            case EDIT_DETAILS -> {
                Enrollee enrollee = unchanged(request);
                enrollee.correctDetails(after.firstName(), after.lastName(), after.dateOfBirth());
                yield enrollee;
            }
            case CHANGE_PRIMARY_PROVIDER -> {
                Enrollee enrollee = unchanged(request);
                enrollee.changePrimaryProvider(facts.provider(after.primaryProvider()).getId());
                yield enrollee;
            }
            case REGISTER_PRINCIPAL -> {
                Enrollee principal = Enrollee.principal(numbers.nextPrincipal(client.getNumberPrefix()), client.getPayerId(),
                        after.firstName(), after.lastName(), after.dateOfBirth(), after.coverStart(), null,
                        after.primaryProvider() == null ? null : facts.provider(after.primaryProvider()).getId());
                principal.enrolUnder(client.getId(),
                        after.plan() == null ? null : facts.plan(client.getPayerId(), after.plan()).getId());
                yield enrollees.save(principal);
            }
        };
    }

    /** The request's enrollee, still active. */
    private Enrollee current(ChangeRequest request) {
        Enrollee enrollee = enrollees.findById(request.getEnrolleeId()).orElseThrow();
        if (!enrollee.isActive()) {
            throw stale(request, enrollee.getEnrolleeNumber() + " is "
                    + Display.labelOf(enrollee.getStatus()).toLowerCase(java.util.Locale.ROOT)
                    + " since the request was made (cover ended " + Display.dayOf(enrollee.getCoverEnd()) + ")");
        }
        return enrollee;
    }

    /** The request's enrollee, active and unchanged since the request was made. */
    private Enrollee unchanged(ChangeRequest request) {
        Enrollee enrollee = current(request);
        if (request.getEnrolleeVersion() != null && enrollee.getVersion() != request.getEnrolleeVersion()) {
            ChangeValues now = facts.values(enrollee);
            throw stale(request, enrollee.getEnrolleeNumber() + " was changed after the request was made; it is now "
                    + now.firstName() + " " + now.lastName() + ", born " + Days.of(now.dateOfBirth()) + ", primary provider "
                    + now.primaryProvider());
        }
        return enrollee;
    }

    private static RuleViolation stale(ChangeRequest request, String what) {
        return new RuleViolation("stale-request", "Request " + request.getId() + " (" + request.getKind()
                + ") cannot be applied: " + what + ". Decline it with this reason; the client can ask again.");
    }
}
