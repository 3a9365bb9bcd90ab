package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.common.Days;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeStatus;
import com.hmoexchange.hub.enrollees.Relationship;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what a client asks for into a PENDING change request, after checking it against the data
 * as it stands now (the enrollee is the client's and active, the dependents policy allows it). The
 * HMO decides later (see {@link ChangeDecisions}).
 */
@Service
class ChangeRequests {

    private final ChangeRequestRepository requests;
    private final EnrolleeFacts facts;
    private final DependentsPolicies policies;
    private final RequestNotices notices;
    private final Clock clock;
    private final Validator validator;

    ChangeRequests(ChangeRequestRepository requests, EnrolleeFacts facts, DependentsPolicies policies,
            RequestNotices notices, Clock clock, Validator validator) {
        this.validator = validator;
        this.requests = requests;
        this.facts = facts;
        this.policies = policies;
        this.notices = notices;
        this.clock = clock;
    }

    /** Records the request; {@code notifyEach} false when a bulk file sends one notice for all its rows. */
    @Transactional
    ChangeRequest request(Requester who, RequestedChange change, boolean notifyEach) {
        // The API and the portal's form check these limits first; a bulk row arrives here unchecked, and a value
        // past them would be saved as a request that can never be approved.
        validator.validate(change).stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            throw new InvalidInput(v.getPropertyPath().toString(), v.getPropertyPath() + " " + v.getMessage());
        });
        ChangeRequest request = requests.save(switch (change.kind()) {
            case ADD_DEPENDENT -> addDependent(who, change);
            case REMOVE_DEPENDENT -> removeDependent(who, change);
            case EDIT_DETAILS -> editDetails(who, change);
            case CHANGE_PRIMARY_PROVIDER -> changeProvider(who, change);
            case REGISTER_PRINCIPAL -> registerPrincipal(who, change);
        });
        if (notifyEach) {
            notices.requested(request);
        }
        return request;
    }

    private ChangeRequest addDependent(Requester who, RequestedChange c) {
        Enrollee principal = active(facts.ofClient(who.clientId(), c.enrolleeNumber()));
        if (!principal.isPrincipal()) {
            throw new InvalidInput("enrolleeNumber", c.enrolleeNumber() + " is a dependent; give the principal's number.");
        }
        if (c.relationship() == null || c.relationship() == Relationship.SELF) {
            throw new InvalidInput("relationship", "relationship must be SPOUSE or CHILD.");
        }
        String first = required(c.firstName(), "firstName");
        String last = required(c.lastName(), "lastName");
        LocalDate born = required(c.dateOfBirth(), "dateOfBirth");
        List<Relationship> requested = requests.findByEnrolleeIdAndKindAndStatus(principal.getId(), ChangeKind.ADD_DEPENDENT,
                ChangeStatus.PENDING).stream().map(r -> r.getAfter().relationship()).toList();
        policies.check(principal, requested, c.relationship(), born, today());
        ChangeValues after = new ChangeValues(null, principal.getEnrolleeNumber(), c.relationship(), first, last, born,
                null, null, null, EnrolleeStatus.ACTIVE, c.note());
        return new ChangeRequest(who.clientId(), who.payerId(), ChangeKind.ADD_DEPENDENT, principal.getId(),
                principal.getEnrolleeNumber(), null, null, after, who.by(), who.channel(), clock.instant());
    }

    private ChangeRequest removeDependent(Requester who, RequestedChange c) {
        Enrollee dependent = active(facts.ofClient(who.clientId(), c.enrolleeNumber()));
        if (dependent.isPrincipal()) {
            throw new InvalidInput("enrolleeNumber", c.enrolleeNumber()
                    + " is a principal; only dependents can be removed here. Ask the HMO to end a principal's cover.");
        }
        ChangeValues before = facts.values(dependent);
        ChangeValues after = new ChangeValues(dependent.getEnrolleeNumber(), null, null, null, null, null, null, null, null,
                EnrolleeStatus.TERMINATED, c.note());
        return onExisting(who, ChangeKind.REMOVE_DEPENDENT, dependent, before, after);
    }

    private ChangeRequest editDetails(Requester who, RequestedChange c) {
        Enrollee enrollee = active(facts.ofClient(who.clientId(), c.enrolleeNumber()));
        if (blank(c.firstName()) && blank(c.lastName()) && c.dateOfBirth() == null) {
            throw new InvalidInput("firstName", "Give at least one of firstName, lastName, dateOfBirth to change.");
        }
        if (c.dateOfBirth() != null && c.dateOfBirth().isAfter(today())) {
            throw new InvalidInput("dateOfBirth", "dateOfBirth " + Days.of(c.dateOfBirth()) + " is in the future; "
                    + "give the date of birth as it is on the member's record.");
        }
        ChangeValues now = facts.values(enrollee);
        ChangeValues before = new ChangeValues(now.enrolleeNumber(), null, null, now.firstName(), now.lastName(),
                now.dateOfBirth(), null, null, null, null, null);
        ChangeValues after = new ChangeValues(now.enrolleeNumber(), null, null,
                blank(c.firstName()) ? now.firstName() : c.firstName().trim(),
                blank(c.lastName()) ? now.lastName() : c.lastName().trim(),
                c.dateOfBirth() == null ? now.dateOfBirth() : c.dateOfBirth(), null, null, null, null, c.note());
        if (after.firstName().equals(before.firstName()) && after.lastName().equals(before.lastName())
                && after.dateOfBirth().equals(before.dateOfBirth())) {
            throw new InvalidInput("firstName", "These are already " + now.enrolleeNumber() + "'s details; nothing would change.");
        }
        return onExisting(who, ChangeKind.EDIT_DETAILS, enrollee, before, after);
    }

    private ChangeRequest changeProvider(Requester who, RequestedChange c) {
        Enrollee enrollee = active(facts.ofClient(who.clientId(), c.enrolleeNumber()));
        String code = facts.provider(required(c.primaryProvider(), "primaryProvider")).getCode();
        String current = facts.providerCode(enrollee.getPrimaryProviderId());
        if (code.equals(current)) {
            throw new InvalidInput("primaryProvider", code + " is already " + enrollee.getEnrolleeNumber() + "'s primary provider.");
        }
        ChangeValues before = new ChangeValues(enrollee.getEnrolleeNumber(), null, null, null, null, null, current,
                null, null, null, null);
        ChangeValues after = new ChangeValues(enrollee.getEnrolleeNumber(), null, null, null, null, null, code, null,
                null, null, c.note());
        return onExisting(who, ChangeKind.CHANGE_PRIMARY_PROVIDER, enrollee, before, after);
    }

    private ChangeRequest registerPrincipal(Requester who, RequestedChange c) {
        String first = required(c.firstName(), "firstName");
        String last = required(c.lastName(), "lastName");
        LocalDate born = required(c.dateOfBirth(), "dateOfBirth");
        if (!born.isBefore(today())) {
            throw new InvalidInput("dateOfBirth", "dateOfBirth " + Days.of(born) + " is not in the past; "
                    + "give the date of birth as it is on the member's record.");
        }
        String plan = blank(c.plan()) ? null : facts.plan(who.payerId(), c.plan()).getCode();
        String provider = blank(c.primaryProvider()) ? null : facts.provider(c.primaryProvider()).getCode();
        LocalDate coverStart = c.coverStart() == null ? today() : c.coverStart();
        ChangeValues after = new ChangeValues(null, null, Relationship.SELF, first, last, born, provider, plan, coverStart,
                EnrolleeStatus.ACTIVE, c.note());
        return new ChangeRequest(who.clientId(), who.payerId(), ChangeKind.REGISTER_PRINCIPAL, null, null, null, null, after,
                who.by(), who.channel(), clock.instant());
    }

    private ChangeRequest onExisting(Requester who, ChangeKind kind, Enrollee enrollee, ChangeValues before, ChangeValues after) {
        return new ChangeRequest(who.clientId(), who.payerId(), kind, enrollee.getId(), enrollee.getEnrolleeNumber(),
                enrollee.getVersion(), before, after, who.by(), who.channel(), clock.instant());
    }

    private static Enrollee active(Enrollee enrollee) {
        if (!enrollee.isActive()) {
            throw new RuleViolation("enrollee-not-active", enrollee.getEnrolleeNumber() + " is " + enrollee.getStatus()
                    + "; changes can be requested only for active enrollees.");
        }
        return enrollee;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String required(String value, String field) {
        if (blank(value)) {
            throw new InvalidInput(field, field + " is required for this kind of request.");
        }
        return value.trim();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required for this kind of request.");
        }
        return value;
    }
}
