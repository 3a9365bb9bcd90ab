package com.hmoexchange.hub.ingest;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/operations")
@Tag(name = "Inbound documents", description = "For operators: every payer document received, and the quarantined ones")
class QuarantineController {

    private final InboundDocumentRepository documents;
    private final Clock clock;

    QuarantineController(InboundDocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    record DocumentRow(long id, String payer, String channel, String name, String sha256, Instant receivedAt,
            InboundDocument.Outcome outcome, int answers, int payments, int exceptions, Long problemLine, String problem,
            Instant releasedAt, String releasedBy) {
        static DocumentRow of(InboundDocument d) {
            return new DocumentRow(d.getId(), d.getPayerCode(), d.getChannel(), d.getName(), d.getSha256(), d.getReceivedAt(),
                    d.getOutcome(), d.getAnswers(), d.getPayments(), d.getExceptions(), d.getProblemLine(), d.getProblem(),
                    d.getReleasedAt(), d.getReleasedBy());
        }
    }

    @GetMapping("/quarantine")
    @Transactional(readOnly = true)
    @Operation(summary = "Quarantined payer documents not yet dealt with: which line, what is wrong")
    List<DocumentRow> quarantined(@RequestParam(defaultValue = "100") int size) {
        return documents.findByOutcomeAndReleasedAtIsNullOrderByReceivedAtDescIdDesc(InboundDocument.Outcome.QUARANTINED,
                PageRequest.of(0, Math.max(1, Math.min(size, 500)))).stream().map(DocumentRow::of).toList();
    }

    @GetMapping("/inbound-documents")
    @Transactional(readOnly = true)
    @Operation(summary = "Payer documents received, newest first: applied, duplicate or quarantined")
    List<DocumentRow> inbound(@RequestParam(required = false) String payer, @RequestParam(defaultValue = "100") int size) {
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(size, 500)));
        return (payer == null ? documents.findAllByOrderByIdDesc(page) : documents.findByPayerCodeOrderByIdDesc(payer, page))
                .stream().map(DocumentRow::of).toList();
    }

    @GetMapping("/inbound-documents/{id}/payload")
    @Transactional(readOnly = true)
    @Operation(summary = "The content of a quarantined document, as received")
    String payload(@PathVariable long id) {
        return documents.findById(id).map(InboundDocument::getPayload)
                .orElseThrow(() -> new NotFoundException("Inbound document", id));
    }

    @PostMapping("/quarantine/{id}/dismiss")
    @Transactional
    @Operation(summary = "Take a quarantined document off the list (for instance once the payer sent a corrected one)")
    DocumentRow dismiss(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        InboundDocument d = documents.findById(id).filter(x -> x.getOutcome() == InboundDocument.Outcome.QUARANTINED)
                .orElseThrow(() -> new NotFoundException("Quarantined document", id));
        d.released(user.getUsername(), clock.instant());
        return DocumentRow.of(d);
    }
}
