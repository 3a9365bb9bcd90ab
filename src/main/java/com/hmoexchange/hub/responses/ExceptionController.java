package com.hmoexchange.hub.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/exceptions")
@Tag(name = "Exceptions", description = "Payers' adjudications, payments and acknowledgements the hub could not apply by itself: match by hand or dismiss")
class ExceptionController {

    private final ExceptionDesk desk;
    private final ObjectMapper json;

    ExceptionController(ExceptionDesk desk, ObjectMapper json) {
        this.desk = desk;
        this.json = json;
    }

    record ExceptionView(long id, String payer, String kind, PayerException.ItemType itemType, String claimNumber,
            String paymentReference, BigDecimal amount, String detail, JsonNode item, Long documentId,
            PayerException.Status status, Instant createdAt, String resolvedBy, Instant resolvedAt, String resolution) {
    }

    record Match(@NotBlank @Size(max = 60) String claimNumber, @Size(max = 300) String note) {
    }

    record Dismissal(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    @Operation(summary = "The exceptions list, newest first (status=OPEN for the ones waiting for a person)")
    List<ExceptionView> list(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) PayerException.Status status,
            @RequestParam(required = false) String payer, @RequestParam(defaultValue = "100") int size) {
        return desk.list(user, status, payer, size).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One exception with the item as the payer sent it")
    ExceptionView one(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return view(desk.one(user, id));
    }

    @PostMapping("/{id}/match")
    @Operation(summary = "Apply the item to the claim you name (a payment is posted, an adjudication applied); refused as the payer's would be, and refused (409) for a claim the hub did not send to this exception's payer")
    Map<String, Object> match(@AuthenticationPrincipal HubUser user, @PathVariable long id, @Valid @RequestBody Match body) {
        ApplyPayerResponse.Summary summary = desk.match(user, id, body.claimNumber(), body.note());
        return Map.of("exception", view(desk.one(user, id)), "applied", summary.text());
    }

    @PostMapping("/{id}/dismiss")
    @Operation(summary = "Close the exception without applying it, with the reason")
    ExceptionView dismiss(@AuthenticationPrincipal HubUser user, @PathVariable long id, @Valid @RequestBody Dismissal body) {
        return view(desk.dismiss(user, id, body.reason()));
    }

    private ExceptionView view(PayerException e) {
        JsonNode item;
        try {
            item = json.readTree(e.getItem());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            item = json.getNodeFactory().textNode(e.getItem());
        }
        return new ExceptionView(e.getId(), e.getPayerCode(), e.getKind(), e.getItemType(), e.getClaimNumber(),
                e.getPaymentReference(), e.getAmount(), e.getDetail(), item, e.getDocumentId(), e.getStatus(), e.getCreatedAt(),
                e.getResolvedBy(), e.getResolvedAt(), e.getResolution());
    }
}
