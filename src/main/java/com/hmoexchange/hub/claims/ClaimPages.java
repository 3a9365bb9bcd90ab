package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.claims.ClaimService.ServiceToBill;
import com.hmoexchange.hub.claims.ClaimViews.ClaimView;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.payers.AttachmentType;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The billing desk's pages: new claim from a patient's billable visits, the claims list, a claim in
 * full with its actions. Everything goes through {@link ClaimService} and {@link ClaimSearch}, like
 * the API, so the rules and the practice scoping (another practice's claim is not found) are theirs.
 * Each action's form values are posted with the claim's version: a claim changed meanwhile is refused.
 */
@Controller
@WebPage
@RequestMapping("/billing")
class ClaimPages {

    private static final int PAGE_SIZE = 20;

    private final ClaimService service;
    private final ClaimSearch search;

    ClaimPages(ClaimService service, ClaimSearch search) {
        this.service = service;
        this.search = search;
    }

    @GetMapping
    String start() {
        return "redirect:/billing/claims";
    }

    @GetMapping("/claims")
    String list(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) ClaimStatus status,
            @RequestParam(defaultValue = "false") boolean stale, @RequestParam(defaultValue = "0") int page, Model model) {
        return listPage(user, status, stale, page, FormErrors.none(), model);
    }

    /** A refused claim of "Submit selected", as the list shows it (kept in the session until the next page). */
    record Refusal(long claimId, String claimNumber, String reason) implements Serializable {
    }

    /**
     * "Submit selected" on the list: the ticked drafts ({@code claimId}) are submitted together, each on its
     * own (see {@link ClaimService#submitAll}); the list then says how many left and why the others did not.
     */
    @PostMapping("/claims/submissions")
    String submitSelected(@AuthenticationPrincipal HubUser user,
            @RequestParam(name = "claimId", required = false) List<Long> claimIds,
            @RequestParam(required = false) ClaimStatus status, @RequestParam(defaultValue = "false") boolean stale,
            @RequestParam(defaultValue = "0") int page, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        if (claimIds == null || claimIds.isEmpty()) {
            errors.page("Tick the drafts to submit, then choose Submit selected.");
        }
        Submissions result = errors.attempt(() -> service.submitAll(user, claimIds));
        if (result == null) {
            return listPage(user, status, stale, page, errors, model);
        }
        int sent = result.submitted().size();
        flash.addFlashAttribute("notice", sent + (sent == 1 ? " claim" : " claims") + " submitted"
                + (result.refused().isEmpty() ? "." : "; " + result.refused().size() + " not submitted (see why below)."));
        flash.addFlashAttribute("refusals", result.refused().stream()
                .map(r -> new Refusal(r.claimId(), r.claimNumber(), r.detail())).collect(Collectors.toCollection(ArrayList::new)));
        if (stale) {
            flash.addAttribute("stale", true);
        }
        if (status != null) {
            flash.addAttribute("status", status);
        }
        return "redirect:/billing/claims";
    }

    private String listPage(HubUser user, ClaimStatus status, boolean stale, int page, FormErrors errors, Model model) {
        var found = search.search(user, new ClaimSearch.Filter(status == null ? null : List.of(status), null, null, null,
                null, null, null, stale ? Boolean.TRUE : null), Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("claims", found);
        model.addAttribute("drafts", found.items().stream().anyMatch(c -> c.status() == ClaimStatus.DRAFT));
        model.addAttribute("status", status);
        model.addAttribute("stale", stale);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("errors", errors);
        return "billing/claims";
    }

    @GetMapping("/claims/new")
    String newClaim(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "") String patient, Model model) {
        return newClaimPage(user, patient, null, Map.of(), List.of(), FormErrors.none(), model);
    }

    /**
     * A draft from one visit: the ticked services ({@code service}), each at the tariff price unless a
     * price ({@code price-<id>}) and its reason ({@code reason-<id>}) are typed.
     */
    @PostMapping("/claims")
    String create(@AuthenticationPrincipal HubUser user, @RequestParam long visitId,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        List<ServiceToBill> services = new ArrayList<>();
        for (String id : params.getOrDefault("service", List.of())) {
            long serviceId;
            try {
                serviceId = Long.parseLong(id);
            } catch (NumberFormatException e) {
                continue;
            }
            String price = params.getFirst("price-" + id);
            String reason = params.getFirst("reason-" + id);
            BigDecimal unitPrice = price == null || price.isBlank() ? null : amount(errors, "price-" + id, price);
            if (unitPrice == null && reason != null && !reason.isBlank() && !errors.has("price-" + id)) {
                errors.field("price-" + id, "Type the price this reason is for, or clear the reason.");
            }
            if (unitPrice != null && (reason == null || reason.isBlank())) {
                errors.field("reason-" + id, "A price that differs from the tariff needs a reason.");
            }
            errors.atMost("reason-" + id, reason, 300);
            services.add(new ServiceToBill(serviceId, unitPrice, unitPrice == null ? null : reason));
        }
        if (services.isEmpty() && !errors.any()) {
            errors.field("services", "Tick at least one service of the visit.");
        }
        errors.atMost("providerReference", params.getFirst("providerReference"), 60).atMost("paCode", params.getFirst("paCode"), 60);
        ClaimView claim = errors.attempt(() -> service.createDraft(user, visitId, services,
                diagnoses(params.getFirst("diagnoses")), blankToNull(params.getFirst("paCode")),
                blankToNull(params.getFirst("providerReference"))));
        if (claim == null) {
            return newClaimPage(user, params.getFirst("patient"), visitId, params.toSingleValueMap(),
                    params.getOrDefault("service", List.of()), errors, model);
        }
        flash.addFlashAttribute("notice", "Draft " + claim.claimNumber() + " saved. Check it, attach what the payer needs and submit.");
        return "redirect:/billing/claims/" + claim.id();
    }

    @GetMapping("/claims/{id}")
    String claim(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model) {
        return claimPage(service.find(user, id), Map.of(), FormErrors.none(), model);
    }

    /** A claim by its number (where a notice links to). */
    @GetMapping("/claims/number/{claimNumber}")
    String byNumber(@AuthenticationPrincipal HubUser user, @PathVariable String claimNumber) {
        var found = search.search(user, new ClaimSearch.Filter(null, null, null, null, null, null, claimNumber, null), 0, 1);
        if (found.items().isEmpty()) {
            throw new com.hmoexchange.hub.common.NotFoundException("Claim", claimNumber);
        }
        return "redirect:/billing/claims/" + found.items().get(0).id();
    }

    @GetMapping("/claims/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @PathVariable long attachmentId) {
        ClaimService.AttachmentFile file = service.attachmentFile(user, id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.data());
    }

    @PostMapping("/claims/{id}/attachments")
    String attach(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String type, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        AttachmentType attachmentType = null;
        try {
            attachmentType = AttachmentType.valueOf(type);
        } catch (IllegalArgumentException e) {
            errors.field("attachmentType", "Choose the kind of document.");
        }
        if (file == null || file.isEmpty()) {
            errors.field("attachmentFile", "Choose a PDF, JPEG or PNG file.");
        }
        AttachmentType chosen = attachmentType;
        return act(user, id, "attachment", Map.of("attachmentType", type), errors, () -> {
            try {
                return service.attach(user, id, version, chosen, file.getOriginalFilename(), file.getBytes());
            } catch (IOException e) {
                throw new InvalidInput("file", "The file could not be read; upload it again.");
            }
        }, "Attached " + (file == null ? "" : file.getOriginalFilename()) + ".", model, flash);
    }

    @PostMapping("/claims/{id}/attachments/{attachmentId}/remove")
    String detach(@AuthenticationPrincipal HubUser user, @PathVariable long id, @PathVariable long attachmentId,
            @RequestParam long version, Model model, RedirectAttributes flash) {
        return act(user, id, "attachment", Map.of(), FormErrors.none(),
                () -> service.detach(user, id, version, attachmentId), "Attachment removed.", model, flash);
    }

    @PostMapping("/claims/{id}/lines/{position}/price")
    String price(@AuthenticationPrincipal HubUser user, @PathVariable long id, @PathVariable int position,
            @RequestParam long version, @RequestParam(defaultValue = "") String unitPrice,
            @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        String prefix = "line" + position;
        BigDecimal price = amount(errors, prefix + "UnitPrice", unitPrice);
        if (reason.isBlank()) {
            errors.field(prefix + "Reason", "Give the reason for the new price.");
        }
        errors.atMost(prefix + "Reason", reason, 300);
        return act(user, id, prefix, Map.of(prefix + "UnitPrice", unitPrice, prefix + "Reason", reason), errors,
                () -> service.overridePrice(user, id, version, position, price, reason),
                "Line " + position + " now at " + unitPrice + ".", model, flash);
    }

    @PostMapping("/claims/{id}/details")
    String details(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String diagnoses, @RequestParam(defaultValue = "") String paCode, Model model,
            RedirectAttributes flash) {
        return act(user, id, "details", Map.of("detailsDiagnoses", diagnoses, "detailsPaCode", paCode),
                FormErrors.none().atMost("detailsPaCode", paCode, 60),
                () -> service.describe(user, id, version, diagnoses(diagnoses), blankToNull(paCode)), "Details saved.",
                model, flash);
    }

    /** A refusal for missing attachments is shown beside the attachments, the others above the submit button. */
    @PostMapping("/claims/{id}/submit")
    String submit(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestParam long version, Model model,
            RedirectAttributes flash) {
        String[] missing = new String[1];
        FormErrors errors = FormErrors.none();
        ClaimView claim = errors.attempt(() -> {
            try {
                return service.submit(user, id, version);
            } catch (MissingAttachments e) {
                missing[0] = e.getMessage();
                return null;
            }
        });
        if (missing[0] != null) {
            return claimPage(service.find(user, id), Map.of(), FormErrors.none().field("attachments", missing[0]), model);
        }
        if (claim == null) {
            return claimPage(service.find(user, id), Map.of(), renamed("submit", errors), model);
        }
        flash.addFlashAttribute("notice", "Submitted. The claim is on its way to the payer.");
        return "redirect:/billing/claims/" + id;
    }

    @PostMapping("/claims/{id}/payments")
    String pay(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String paidOn, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        if (reference.isBlank()) {
            errors.field("paymentReference", "Give the payer's payment reference.");
        }
        errors.atMost("paymentReference", reference, 80);
        BigDecimal paid = amount(errors, "paymentAmount", amount);
        LocalDate on = null;
        if (!paidOn.isBlank()) {
            try {
                on = LocalDate.parse(paidOn);
            } catch (DateTimeParseException e) {
                errors.field("paymentPaidOn", "Give the date as yyyy-mm-dd, or leave it empty for today.");
            }
        }
        LocalDate day = on;
        return act(user, id, "payment", Map.of("paymentReference", reference, "paymentAmount", amount, "paymentPaidOn", paidOn),
                errors, () -> service.recordPayment(user, id, version, reference, paid, day),
                "Payment " + reference.trim() + " recorded.", model, flash);
    }

    @PostMapping("/claims/{id}/write-off")
    String writeOff(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestParam long version,
            @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String reason, Model model,
            RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        BigDecimal off = amount(errors, "writeOffAmount", amount);
        if (reason.isBlank()) {
            errors.field("writeOffReason", "Give the reason for the write-off.");
        }
        errors.atMost("writeOffReason", reason, 500);
        return act(user, id, "writeOff", Map.of("writeOffAmount", amount, "writeOffReason", reason), errors,
                () -> service.writeOff(user, id, version, off, reason.trim()), "Written off " + amount + ".", model, flash);
    }

    @PostMapping("/claims/{id}/resubmission")
    String resubmit(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String providerReference, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none().atMost("resubmissionProviderReference", providerReference, 60);
        ClaimView copy = errors.attempt(() -> service.resubmit(user, id, blankToNull(providerReference)));
        if (copy == null) {
            return claimPage(service.find(user, id), Map.of("resubmissionProviderReference", providerReference),
                    renamed("resubmission", errors), model);
        }
        flash.addFlashAttribute("notice", "Draft " + copy.claimNumber() + " is the corrected copy: fix it and submit.");
        return "redirect:/billing/claims/" + copy.id();
    }

    /**
     * Runs one of the claim page's actions; a refusal shows the claim again with the typed values, the
     * service's field errors renamed to the form's own inputs (prefix + field) and a rule beside the form.
     */
    private String act(HubUser user, long id, String form, Map<String, String> typed, FormErrors checked,
            Supplier<ClaimView> action, String notice, Model model, RedirectAttributes flash) {
        if (checked.any()) {
            return claimPage(service.find(user, id), typed, checked, model);
        }
        FormErrors errors = FormErrors.none();
        ClaimView claim = errors.attempt(action);
        if (claim == null) {
            return claimPage(service.find(user, id), typed, renamed(form, errors), model);
        }
        flash.addFlashAttribute("notice", notice);
        return "redirect:/billing/claims/" + id;
    }

    private static FormErrors renamed(String form, FormErrors raw) {
        FormErrors errors = FormErrors.none();
        raw.getFields().forEach((field, message) -> errors.field(form + Character.toUpperCase(field.charAt(0))
                + field.substring(1), message));
        if (raw.getPage() != null) {
            errors.field(form, raw.getPage());
        }
        return errors;
    }

    private String claimPage(ClaimView claim, Map<String, String> typed, FormErrors errors, Model model) {
        model.addAttribute("claim", claim);
        model.addAttribute("form", new HashMap<>(typed));
        model.addAttribute("errors", errors);
        model.addAttribute("attachmentTypes", AttachmentType.values());
        return "billing/claim";
    }

    private String newClaimPage(HubUser user, String patient, Long visitId, Map<String, String> typed, List<String> ticked,
            FormErrors errors, Model model) {
        model.addAttribute("ticked", ticked);
        String query = patient == null ? "" : patient.trim();
        model.addAttribute("patient", query);
        model.addAttribute("visits", service.billableVisits(user, query));
        model.addAttribute("visitId", visitId);
        model.addAttribute("form", new HashMap<>(typed));
        model.addAttribute("errors", errors);
        return "billing/new-claim";
    }

    /** An amount as typed (2500 or 2,500.00); a wrong one becomes the field's error and null. */
    private static BigDecimal amount(FormErrors errors, String field, String typed) {
        try {
            BigDecimal value = new BigDecimal(typed.trim().replace(",", ""));
            if (value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 12) {
                errors.field(field, "Give an amount of zero or more, at most 12 digits before the point and two after, such as 2500.00.");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.field(field, "Give an amount such as 2500.00.");
            return null;
        }
    }

    private static List<String> diagnoses(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
