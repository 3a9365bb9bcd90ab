package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.clients.Clients;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.changerequests.RequestViews.EnrolleeRow;
import com.hmoexchange.hub.changerequests.RequestViews.Page;
import com.hmoexchange.hub.changerequests.RequestViews.PrincipalView;
import com.hmoexchange.hub.changerequests.RequestViews.RequestView;
import com.hmoexchange.hub.security.HubUser;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The client's side of the portal, always scoped to the signed-in user's client. */
@Service
class ClientPortal {

    private final EnrolleeRepository enrollees;
    private final EnrolleeFacts facts;
    private final ChangeRequests changeRequests;
    private final ChangeRequestRepository requests;
    private final Clients clients;
    private final BulkRequests bulk;
    private final Clock clock;

    private final AuditLog audit;

    ClientPortal(EnrolleeRepository enrollees, EnrolleeFacts facts, ChangeRequests changeRequests,
            ChangeRequestRepository requests, Clients clients, BulkRequests bulk, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.bulk = bulk;
        this.enrollees = enrollees;
        this.facts = facts;
        this.changeRequests = changeRequests;
        this.requests = requests;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<EnrolleeRow> searchPrincipals(HubUser user, String text) {
        String pattern = "%" + (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) + "%";
        return enrollees.searchPrincipals(user.requireClientId(), pattern, PageRequest.of(0, 50)).stream()
                .map(this::row).toList();
    }

    @Transactional(readOnly = true)
    PrincipalView principal(HubUser user, long enrolleeId) {
        Enrollee e = facts.ofClient(user.requireClientId(), enrolleeId);
        Enrollee principal = e.isPrincipal() ? e : e.getPrincipal();
        audit.record(AuditAction.MEMBER_LOOKED_UP, "enrollee", principal.getEnrolleeNumber(), "client portal");
        return new PrincipalView(row(principal), enrollees.findByPrincipalIdOrderByEnrolleeNumber(principal.getId()).stream()
                .map(this::row).toList());
    }

    @Transactional
    RequestView request(HubUser user, RequestedChange change) {
        Client client = clients.byId(user.requireClientId());
        ChangeRequest made = changeRequests.request(new Requester(client.getId(), client.getPayerId(), user.username(),
                RequestChannel.PORTAL), change, true);
        return RequestView.of(made, client);
    }

    @Transactional(readOnly = true)
    Page<RequestView> requests(HubUser user, ChangeStatus status, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidInput("size", "page must be 0 or more and size between 1 and 200.");
        }
        long clientId = user.requireClientId();
        Client client = clients.byId(clientId);
        Specification<ChangeRequest> where = (root, q, cb) -> status == null ? cb.equal(root.get("clientId"), clientId)
                : cb.and(cb.equal(root.get("clientId"), clientId), cb.equal(root.get("status"), status));
        var found = requests.findAll(where, PageRequest.of(page, size, Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id"))));
        return new Page<>(found.getContent().stream().map(r -> RequestView.of(r, client)).toList(), page, size,
                found.getTotalElements(), found.getTotalPages());
    }

    @Transactional(readOnly = true)
    RequestView request(HubUser user, long requestId) {
        return RequestView.of(own(user, requestId), clients.byId(user.requireClientId()));
    }

    @Transactional
    RequestView withdraw(HubUser user, long requestId) {
        ChangeRequest request = own(user, requestId);
        request.withdraw(user.username(), clock.instant());
        return RequestView.of(request, clients.byId(request.getClientId()));
    }

    /** A bulk CSV file uploaded in the portal: the same checks and report as one sent by SFTP or email. */
    BulkRequests.Outcome upload(HubUser user, String fileName, String csv) {
        Client client = clients.byId(user.requireClientId());
        return bulk.take(client, new Requester(client.getId(), client.getPayerId(), user.username(), RequestChannel.PORTAL),
                fileName, csv, user.username());
    }

    private ChangeRequest own(HubUser user, long requestId) {
        long clientId = user.requireClientId();
        return requests.findById(requestId).filter(r -> r.getClientId() == clientId)
                .orElseThrow(() -> new NotFoundException("Change request", requestId));
    }

    private EnrolleeRow row(Enrollee e) {
        return EnrolleeRow.of(e.getId(), facts.values(e), e.getCoverEnd());
    }
}
