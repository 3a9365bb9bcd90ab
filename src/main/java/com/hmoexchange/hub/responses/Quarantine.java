package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.security.HubUser;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operators' view of payer documents received, and the quarantined ones they deal with (API and pages). */
@Service
class Quarantine {

    private final InboundDocumentRepository documents;
    private final Clock clock;

    private final AuditLog audit;

    Quarantine(InboundDocumentRepository documents, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.documents = documents;
        this.clock = clock;
    }

    /** Quarantined documents not yet dismissed, newest first. */
    @Transactional(readOnly = true)
    List<InboundDocument> open(int size) {
        return documents.findByOutcomeAndReleasedAtIsNullOrderByReceivedAtDescIdDesc(InboundDocument.Outcome.QUARANTINED,
                PageRequest.of(0, Math.max(1, Math.min(size, 500))));
    }

    @Transactional(readOnly = true)
    List<InboundDocument> received(String payer, int size) {
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(size, 500)));
        return payer == null ? documents.findAllByOrderByIdDesc(page) : documents.findByPayerCodeOrderByIdDesc(payer, page);
    }

    @Transactional(readOnly = true)
    InboundDocument document(long id) {
        InboundDocument document = documents.findById(id).orElseThrow(() -> new NotFoundException("Inbound document", id));
        audit.record(AuditAction.PAYLOAD_VIEWED, "inbound-document", id);
        return document;
    }

    /** Takes a quarantined document off the list (for instance once the payer sent a corrected one). */
    @Transactional
    InboundDocument dismiss(HubUser user, long id) {
        InboundDocument d = documents.findById(id).filter(x -> x.getOutcome() == InboundDocument.Outcome.QUARANTINED)
                .orElseThrow(() -> new NotFoundException("Quarantined document", id));
        d.released(user.getUsername(), clock.instant());
        audit.record(AuditAction.QUARANTINE_DISMISSED, "inbound-document", id);
        return d;
    }
}
