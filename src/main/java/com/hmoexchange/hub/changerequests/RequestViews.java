package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.clients.Client;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API shows of requests and enrollees. */
final class RequestViews {

    private RequestViews() {
    }

    record RequestView(long id, ChangeKind kind, ChangeStatus status, String client, String enrolleeNumber,
            ChangeValues before, ChangeValues after, String requestedBy, Instant requestedAt, RequestChannel channel,
            String decidedBy, Instant decidedAt, String decisionReason, String resultEnrolleeNumber) {

        static RequestView of(ChangeRequest r, Client client) {
            // A registration names no member when it is made; once approved, the member it created is its member.
            String enrolleeNumber = r.getEnrolleeNumber() != null ? r.getEnrolleeNumber() : r.getResultEnrolleeNumber();
            return new RequestView(r.getId(), r.getKind(), r.getStatus(), client.getCode(), enrolleeNumber,
                    r.getBefore(), r.getAfter(), r.getRequestedBy(), r.getRequestedAt(), r.getChannel(), r.getDecidedBy(),
                    r.getDecidedAt(), r.getDecisionReason(), r.getResultEnrolleeNumber());
        }
    }

    record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }

    record EnrolleeRow(long id, String enrolleeNumber, String firstName, String lastName, LocalDate dateOfBirth,
            String relationship, String status, String primaryProvider, String plan, LocalDate coverStart, LocalDate coverEnd) {

        static EnrolleeRow of(long id, ChangeValues v, LocalDate coverEnd) {
            return new EnrolleeRow(id, v.enrolleeNumber(), v.firstName(), v.lastName(), v.dateOfBirth(),
                    v.relationship().name(), v.status().name(), v.primaryProvider(), v.plan(), v.coverStart(), coverEnd);
        }
    }

    record PrincipalView(EnrolleeRow principal, List<EnrolleeRow> dependents) {
    }

    /** One applied change in an enrollee's history: what changed, at whose request and by whose decision. */
    record AppliedChange(long requestId, ChangeKind kind, ChangeValues before, ChangeValues after, String requestedBy,
            Instant requestedAt, RequestChannel channel, String approvedBy, Instant approvedAt) {

        static AppliedChange of(ChangeRequest r) {
            return new AppliedChange(r.getId(), r.getKind(), r.getBefore(), r.getAfter(), r.getRequestedBy(),
                    r.getRequestedAt(), r.getChannel(), r.getDecidedBy(), r.getDecidedAt());
        }
    }
}
