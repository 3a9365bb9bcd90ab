package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.preauth.PreAuthorisation.LineApproval;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The HMO's authorisation desk (HMO_ADMIN, own payer's requests only): the queue by time left, and the decisions. */
@RestController
@RequestMapping("/api/hmo/preauthorisations")
@Tag(name = "Pre-authorisation: HMO desk", description = "Decide practices' PA requests within NHIA's limit, or they are "
        + "deemed authorised and the HMO is liable")
class PreAuthDeskController {

    private final PreAuthorisations preAuthorisations;
    private final PreAuthMeasures measures;
    private final com.hmoexchange.hub.payers.PayerRepository payers;

    PreAuthDeskController(PreAuthorisations preAuthorisations, PreAuthMeasures measures,
            com.hmoexchange.hub.payers.PayerRepository payers) {
        this.preAuthorisations = preAuthorisations;
        this.measures = measures;
        this.payers = payers;
    }

    @Schema(description = "An approval: lines left out are approved in full; a line below what was asked makes it partial")
    record Approve(@NotBlank @Size(max = 60) String code, @NotNull LocalDate validFrom, @NotNull LocalDate validUntil,
            List<@Valid Line> services) {
    }

    record Line(@Min(1) int position, @Min(0) int quantity, @NotNull @DecimalMin("0.00") BigDecimal amount) {
    }

    record Decline(@NotBlank @Size(max = 2000) String reason) {
    }

    record Ask(@NotBlank @Size(max = 2000) String question) {
    }

    @GetMapping
    @Operation(summary = "The queue: open requests and emergencies to review, the least time left first")
    List<PreAuthView> queue(@AuthenticationPrincipal HubUser user) {
        return preAuthorisations.queue(user);
    }

    @GetMapping("/decided")
    @Operation(summary = "Your latest decisions (and deemed authorisations), newest first")
    List<PreAuthView> decided(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "50") int size) {
        return preAuthorisations.decided(user, size);
    }

    @GetMapping("/measures")
    @Operation(summary = "Decision time p50/p90, share approved, share deemed authorised, requests waiting now")
    PreAuthMeasures.Measures measures(@AuthenticationPrincipal HubUser user) {
        return measures.of(payers.findById(user.requireHmoPayerId()).orElseThrow());
    }

    @GetMapping("/{reference}")
    @Operation(summary = "One request")
    PreAuthView one(@AuthenticationPrincipal HubUser user, @PathVariable String reference) {
        return preAuthorisations.hmoOne(user, reference);
    }

    @GetMapping("/{reference}/attachments/{attachmentId}")
    @Operation(summary = "Download one of the practice's files on the request (409 once retention removed it)")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal HubUser user,
            @PathVariable String reference, @PathVariable long attachmentId) {
        return PreAuthController.download(preAuthorisations.hmoFile(user, reference, attachmentId));
    }

    @PostMapping("/{reference}/approve")
    @Operation(summary = "Approve under your code, in full or in part")
    PreAuthView approve(@AuthenticationPrincipal HubUser user, @PathVariable String reference, @Valid @RequestBody Approve body) {
        List<LineApproval> lines = body.services() == null ? List.of() : body.services().stream()
                .map(l -> new LineApproval(l.position(), l.quantity(), l.amount())).toList();
        return preAuthorisations.approve(user, reference, body.code(), body.validFrom(), body.validUntil(), lines);
    }

    @PostMapping("/{reference}/decline")
    @Operation(summary = "Decline with a reason the practice reads")
    PreAuthView decline(@AuthenticationPrincipal HubUser user, @PathVariable String reference, @Valid @RequestBody Decline body) {
        return preAuthorisations.decline(user, reference, body.reason());
    }

    @PostMapping("/{reference}/ask")
    @Operation(summary = "Ask the practice for more information: the clock stops until it answers")
    PreAuthView ask(@AuthenticationPrincipal HubUser user, @PathVariable String reference, @Valid @RequestBody Ask body) {
        return preAuthorisations.askForMoreInformation(user, reference, body.question());
    }

    @PostMapping("/{reference}/reviewed")
    @Operation(summary = "Mark an emergency reviewed after the fact")
    PreAuthView reviewed(@AuthenticationPrincipal HubUser user, @PathVariable String reference) {
        return preAuthorisations.markReviewed(user, reference);
    }
}
