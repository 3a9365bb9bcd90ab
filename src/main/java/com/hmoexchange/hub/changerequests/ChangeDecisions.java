package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.clients.Clients;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.security.HubUser;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The HMO's decisions: approve (apply the change in the same transaction) or decline with a reason. */
@Service
class ChangeDecisions {

    private final ChangeRequestRepository requests;
    private final ChangeApplier applier;
    private final Clients clients;
    private final RequestNotices notices;
    private final Clock clock;

    ChangeDecisions(ChangeRequestRepository requests, ChangeApplier applier, Clients clients, RequestNotices notices,
            Clock clock) {
        this.requests = requests;
        this.applier = applier;
        this.clients = clients;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    ChangeRequest approve(HubUser hmo, long requestId) {
        ChangeRequest request = ofHmo(hmo, requestId);
        request.requirePending("approve");
        Client client = clients.byId(request.getClientId());
        Enrollee changed = applier.apply(request, client);
        request.approve(hmo.username(), clock.instant(), changed.getId(), changed.getEnrolleeNumber());
        notices.decided(request);
        return request;
    }

    @Transactional
    ChangeRequest decline(HubUser hmo, long requestId, String reason) {
        ChangeRequest request = ofHmo(hmo, requestId);
        request.decline(hmo.username(), clock.instant(), reason);
        notices.decided(request);
        return request;
    }

    ChangeRequest ofHmo(HubUser hmo, long requestId) {
        return requests.findById(requestId).filter(r -> r.getPayerId() == hmo.requireHmoPayerId())
                .orElseThrow(() -> new NotFoundException("Change request", requestId));
    }
}
