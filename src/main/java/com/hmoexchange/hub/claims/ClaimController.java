package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.claims.ClaimService.ServiceToBill;
import com.hmoexchange.hub.claims.ClaimViews.ClaimRow;
import com.hmoexchange.hub.claims.ClaimViews.ClaimView;
import com.hmoexchange.hub.claims.ClaimViews.Page;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.payers.AttachmentType;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Claims of the signed-in user's practice. Responses that show a claim carry its version as an
 * ETag; send it back as If-Match on a change to be refused (412) if someone changed the claim since.
 */
@RestController
@RequestMapping("/api/claims")
@Tag(name = "Claims", description = "Draft, price, attach, submit and follow claims until paid")
class ClaimController {

    private static final String ICD10 = "[A-Za-z][0-9][0-9A-Za-z](\\.?[0-9A-Za-z]{1,4})?";

    private final ClaimService service;
    private final ClaimSearch search;

    ClaimController(ClaimService service, ClaimSearch search) {
        this.service = service;
        this.search = search;
    }

    record BilledService(@NotNull Long visitServiceId,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
            @Size(max = 300) String priceReason) {
        ServiceToBill toBill() {
            return new ServiceToBill(visitServiceId, unitPrice, priceReason);
        }
    }

    record NewClaim(@NotNull Long visitId, @NotEmpty @Size(max = 200) List<@Valid @NotNull BilledService> services,
            @Size(max = 12) List<@Pattern(regexp = ICD10, message = "must be an ICD-10 code such as K02.1") String> diagnoses,
            @Size(max = 60) String paCode, @Size(max = 60) String providerReference) {
    }

    record NewLines(@NotEmpty @Size(max = 200) List<@Valid @NotNull BilledService> services) {
    }

    record Details(@Size(max = 12) List<@Pattern(regexp = ICD10, message = "must be an ICD-10 code such as K02.1") String> diagnoses,
            @Size(max = 60) String paCode) {
    }

    record Price(@NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
            @NotBlank @Size(max = 300) String reason) {
    }

    record StatusUpdate(@NotNull ClaimStatus status, @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal approvedAmount,
            @NotBlank @Size(max = 500) String reason) {
    }

    record WriteOff(@NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotBlank @Size(max = 500) String reason) {
    }

    record NewPayment(@NotBlank @Size(max = 80) String reference,
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            LocalDate paidOn) {
    }

    record Resubmission(@Size(max = 60) String providerReference) {
    }

    record SubmissionRequest(
            @Schema(description = "ids of the practice's draft claims; duplicates count once", example = "[12, 13, 14]")
            @NotEmpty(message = "must list at least one claim id")
            @Size(max = ClaimService.SUBMIT_ALL_MAX, message = "must list at most " + ClaimService.SUBMIT_ALL_MAX
                    + " claim ids; send the rest in another request")
            List<@NotNull Long> claimIds) {
    }

    @PostMapping
    @Operation(summary = "Create a draft claim from a visit and chosen services, priced from the tariff")
    ResponseEntity<ClaimView> create(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewClaim body) {
        ClaimView claim = service.createDraft(user, body.visitId(), bill(body.services()), body.diagnoses(), body.paCode(),
                body.providerReference());
        return ResponseEntity.created(URI.create("/api/claims/" + claim.id())).eTag(etag(claim)).body(claim);
    }

    @GetMapping
    @Operation(summary = "List claims, newest first, with filters")
    Page<ClaimRow> list(@AuthenticationPrincipal HubUser user,
            @RequestParam(required = false) List<ClaimStatus> status,
            @Parameter(description = "payer code") @RequestParam(required = false) String payer,
            @Parameter(description = "patient's enrollee number") @RequestParam(required = false) String patient,
            @Parameter(description = "created on or after (yyyy-mm-dd)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "created on or before (yyyy-mm-dd)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String providerReference,
            @RequestParam(required = false) String claimNumber,
            @Parameter(description = "true: only claims with no news past the payer's limit") @RequestParam(required = false) Boolean stale,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return search.search(user, new ClaimSearch.Filter(status, payer, patient, from, to, providerReference, claimNumber,
                stale), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A claim with its lines, attachments, balance, payments and history")
    ResponseEntity<ClaimView> one(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return respond(service.find(user, id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft claim")
    ResponseEntity<Void> delete(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.deleteDraft(user, id, version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/details")
    @Operation(summary = "Change a draft's diagnoses (ICD-10) and PA code")
    ResponseEntity<ClaimView> details(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody Details body) {
        return respond(service.describe(user, id, version(ifMatch), body.diagnoses(), body.paCode()));
    }

    @PostMapping("/{id}/lines")
    @Operation(summary = "Add services from the claim's visit to a draft")
    ResponseEntity<ClaimView> addLines(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody NewLines body) {
        return respond(service.addLines(user, id, version(ifMatch), bill(body.services())));
    }

    @DeleteMapping("/{id}/lines/{position}")
    @Operation(summary = "Remove a line from a draft")
    ResponseEntity<ClaimView> removeLine(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @PathVariable int position, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(service.removeLine(user, id, version(ifMatch), position));
    }

    @PutMapping("/{id}/lines/{position}/price")
    @Operation(summary = "Override a line's unit price, with the reason")
    ResponseEntity<ClaimView> price(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @PathVariable int position, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Price body) {
        return respond(service.overridePrice(user, id, version(ifMatch), position, body.unitPrice(), body.reason()));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a PDF, JPEG or PNG document of a given type to a draft")
    ResponseEntity<ClaimView> attach(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam AttachmentType type, @RequestPart MultipartFile file) throws IOException {
        return respond(service.attach(user, id, version(ifMatch), type, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment (409 once retention removed the file of a closed claim)")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @PathVariable long attachmentId) {
        ClaimService.AttachmentFile file = service.attachmentFile(user, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.data());
    }

    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Remove an attachment from a draft")
    ResponseEntity<ClaimView> detach(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @PathVariable long attachmentId, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(service.detach(user, id, version(ifMatch), attachmentId));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft to its payer (refused while required attachments are missing or the patient was not covered)")
    ResponseEntity<ClaimView> submit(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(service.submit(user, id, version(ifMatch)));
    }

    @PostMapping("/submissions")
    @Operation(summary = "Submit many drafts at once; each is submitted or refused on its own",
            description = "Each claim is submitted exactly as by POST /api/claims/{id}/submit, or refused and left as it "
                    + "was: one refusal does not stop or undo the others. The answer is 200 with `submitted` (claim id, "
                    + "number, new status) and `refused` (claim id, number, and the problem `type`, `code` and `detail` "
                    + "that submitting the claim alone would answer, e.g. `claim-not-draft`, `claim-not-submittable` with "
                    + "`missingAttachments`, or `not-found` for an id that is not your practice's), both in the order asked. "
                    + "At most " + ClaimService.SUBMIT_ALL_MAX + " ids; an empty or longer list is 400.")
    @ApiResponse(responseCode = "200", description = "What became of each claim")
    @ApiResponse(responseCode = "400", description = "Malformed body, or an empty or too long list of claim ids",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    Submissions submitAll(@AuthenticationPrincipal HubUser user, @Valid @RequestBody SubmissionRequest body) {
        return service.submitAll(user, body.claimIds());
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Record a status the payer gave outside the hub, with the reason (forward moves only)",
            description = "The same rules as for the payer's own responses: a claim moves forward (steps may be skipped) "
                    + "and a decision (APPROVED, REJECTED, PARTIAL) is final. Refused with 409 and a code: "
                    + "`claim-not-submitted` (a draft), `status-not-settable` (DRAFT or SUBMITTED), `status-backwards` "
                    + "(a status the claim is already past), `status-unchanged` (the status it has), `claim-decided` "
                    + "(a decided claim); 422 for a PARTIAL without a valid approvedAmount.")
    @ApiResponse(responseCode = "409", description = "The move breaks a lifecycle rule (see the codes above)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<ClaimView> status(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody StatusUpdate body) {
        return respond(service.changeStatus(user, id, version(ifMatch), body.status(), body.approvedAmount(), body.reason()));
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Record a payment from the payer (a payment reference is posted once)")
    ResponseEntity<ClaimView> pay(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody NewPayment body) {
        return respond(service.recordPayment(user, id, version(ifMatch), body.reference(), body.amount(), body.paidOn()));
    }

    @PostMapping("/{id}/write-off")
    @Operation(summary = "Write off (part of) the patient's share left by the payer's decision, with the reason")
    ResponseEntity<ClaimView> writeOff(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody WriteOff body) {
        return respond(service.writeOff(user, id, version(ifMatch), body.amount(), body.reason()));
    }

    @PostMapping("/{id}/resubmission")
    @Operation(summary = "Start the corrected copy of a rejected claim (a new draft referencing the original)")
    ResponseEntity<ClaimView> resubmit(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @Valid @RequestBody(required = false) Resubmission body) {
        ClaimView copy = service.resubmit(user, id, body == null ? null : body.providerReference());
        return ResponseEntity.created(URI.create("/api/claims/" + copy.id())).eTag(etag(copy)).body(copy);
    }

    private static List<ServiceToBill> bill(List<BilledService> services) {
        return services.stream().map(BilledService::toBill).toList();
    }

    private static ResponseEntity<ClaimView> respond(ClaimView claim) {
        return ResponseEntity.ok().eTag(etag(claim)).body(claim);
    }

    private static String etag(ClaimView claim) {
        return "\"" + claim.version() + "\"";
    }

    /** The claim version from an If-Match header ("3", "\"3\"" or W/"3"); null when none was sent. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "If-Match must be the claim's ETag, such as \"3\"; got " + ifMatch + ".");
        }
    }
}
