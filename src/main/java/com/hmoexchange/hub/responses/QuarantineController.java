package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.common.PlainText;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    private final Quarantine quarantine;

    QuarantineController(Quarantine quarantine) {
        this.quarantine = quarantine;
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
    @Operation(summary = "Quarantined payer documents not yet dealt with: which line, what is wrong")
    List<DocumentRow> quarantined(@RequestParam(defaultValue = "100") int size) {
        return quarantine.open(size).stream().map(DocumentRow::of).toList();
    }

    @GetMapping("/inbound-documents")
    @Operation(summary = "Payer documents received, newest first: applied, duplicate or quarantined")
    List<DocumentRow> inbound(@RequestParam(required = false) String payer, @RequestParam(defaultValue = "100") int size) {
        return quarantine.received(payer, size).stream().map(DocumentRow::of).toList();
    }

    @GetMapping("/inbound-documents/{id}/payload")
    @Operation(summary = "The content of a received document, as received, as text/plain (never rendered: payer content "
            + "could hold markup)")
    ResponseEntity<String> payload(@PathVariable long id) {
        return PlainText.of(quarantine.document(id).getPayload());
    }

    @PostMapping("/quarantine/{id}/dismiss")
    @Operation(summary = "Take a quarantined document off the list (for instance once the payer sent a corrected one)")
    DocumentRow dismiss(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return DocumentRow.of(quarantine.dismiss(user, id));
    }
}
