package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.clients.ClientRepository;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.changerequests.RequestViews.AppliedChange;
import com.hmoexchange.hub.changerequests.RequestViews.Page;
import com.hmoexchange.hub.changerequests.RequestViews.RequestView;
import com.hmoexchange.hub.security.HubUser;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The HMO's desk: its clients' requests to review and each enrollee's audit trail (its notices are in {@code notifications}). */
@Service
class HmoDesk {

    private final ChangeRequestRepository requests;
    private final ChangeDecisions decisions;
    private final ClientRepository clients;
    private final EnrolleeRepository enrollees;

    private final AuditLog audit;

    HmoDesk(ChangeRequestRepository requests, ChangeDecisions decisions, ClientRepository clients,
            EnrolleeRepository enrollees, AuditLog audit) {
        this.audit = audit;
        this.requests = requests;
        this.decisions = decisions;
        this.clients = clients;
        this.enrollees = enrollees;
    }

    /** Filters; each one left null does not filter. Dates are the days the requests were made (UTC). */
    record Filter(ChangeStatus status, String client, ChangeKind kind, LocalDate from, LocalDate to) {
    }

    @Transactional(readOnly = true)
    Page<RequestView> list(HubUser hmo, Filter filter, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidInput("size", "page must be 0 or more and size between 1 and 200.");
        }
        long payerId = hmo.requireHmoPayerId();
        Map<Long, Client> own = clientsOf(payerId);
        Long clientId = filter.client() == null ? null : own.values().stream()
                .filter(c -> c.getCode().equals(filter.client())).map(Client::getId).findFirst()
                .orElseThrow(() -> new InvalidInput("client", "You have no client with code '" + filter.client() + "'."));
        var found = requests.findAll(matching(payerId, clientId, filter),
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id"))));
        return new Page<>(found.getContent().stream().map(r -> RequestView.of(r, own.get(r.getClientId()))).toList(),
                page, size, found.getTotalElements(), found.getTotalPages());
    }

    @Transactional(readOnly = true)
    RequestView one(HubUser hmo, long requestId) {
        return view(decisions.ofHmo(hmo, requestId));
    }

    @Transactional
    RequestView approve(HubUser hmo, long requestId) {
        RequestView approved = view(decisions.approve(hmo, requestId));
        audit.record(AuditAction.REQUEST_APPROVED, "change-request", requestId);
        return approved;
    }

    @Transactional
    RequestView decline(HubUser hmo, long requestId, String reason) {
        RequestView declined = view(decisions.decline(hmo, requestId, reason));
        audit.record(AuditAction.REQUEST_DECLINED, "change-request", requestId);
        return declined;
    }

    /** Every applied change of an enrollee, each traced to its request, who asked and who approved. */
    @Transactional(readOnly = true)
    List<AppliedChange> history(HubUser hmo, String enrolleeNumber) {
        Enrollee e = enrollees.findByEnrolleeNumber(enrolleeNumber)
                .filter(x -> x.getPayerId() == hmo.requireHmoPayerId())
                .orElseThrow(() -> new NotFoundException("Enrollee", enrolleeNumber));
        return requests.appliedTo(e.getId()).stream().map(AppliedChange::of).toList();
    }

    private RequestView view(ChangeRequest r) {
        return RequestView.of(r, clients.findById(r.getClientId()).orElseThrow());
    }

    private Map<Long, Client> clientsOf(long payerId) {
        return clients.findByPayerIdOrderByName(payerId).stream().collect(Collectors.toMap(Client::getId, Function.identity()));
    }

    private static Specification<ChangeRequest> matching(long payerId, Long clientId, Filter f) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("payerId"), payerId));
            if (clientId != null) {
                where.add(cb.equal(root.get("clientId"), clientId));
            }
            if (f.status() != null) {
                where.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.kind() != null) {
                where.add(cb.equal(root.get("kind"), f.kind()));
            }
            if (f.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("requestedAt"), f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (f.to() != null) {
                where.add(cb.lessThan(root.get("requestedAt"), f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
