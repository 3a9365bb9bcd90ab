package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.attachments.AttachmentStore;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.preauth.PreAuthorisation.LineApproval;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of both sides: the practice's requests (ask, follow, answer) under /billing, the HMO's desk (queue by
 * time left, measures, decide) under /hmo. Everything goes through {@link PreAuthorisations}, which checks whose.
 */
@Controller
@WebPage
class PreAuthPages {

    /** Service rows the request form offers. */
    static final int FORM_ROWS = 4;

    private final PreAuthorisations preAuthorisations;
    private final PreAuthMeasures measures;
    private final PayerRepository payers;
    private final java.time.Clock clock;
    private final String maxFileSize;

    PreAuthPages(PreAuthorisations preAuthorisations, PreAuthMeasures measures, PayerRepository payers, java.time.Clock clock,
            AttachmentStore files) {
        long megabytes = DataSize.ofBytes(files.maxBytes()).toMegabytes();
        this.maxFileSize = megabytes >= 1 ? megabytes + " MB" : files.maxBytes() + " bytes";
        this.preAuthorisations = preAuthorisations;
        this.measures = measures;
        this.payers = payers;
        this.clock = clock;
    }

    // ---- practice ------------------------------------------------------------------------------

    @GetMapping("/billing/preauthorisations")
    String practiceList(@AuthenticationPrincipal HubUser user, Model model) {
        return practicePage(user, Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/billing/preauthorisations")
    String request(@AuthenticationPrincipal HubUser user, @RequestParam MultiValueMap<String, String> params,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        List<NewPreAuthRequest.Service> services = new ArrayList<>();
        for (int i = 0; i < FORM_ROWS; i++) {
            String code = form.getOrDefault("code" + i, "").trim();
            if (code.isEmpty()) {
                continue;
            }
            try {
                int quantity = Integer.parseInt(form.getOrDefault("quantity" + i, "1").trim());
                BigDecimal price = new BigDecimal(form.getOrDefault("price" + i, "").trim());
                String description = form.getOrDefault("description" + i, "").trim();
                services.add(new NewPreAuthRequest.Service(code, description.isEmpty() ? code : description, quantity, price));
            } catch (NumberFormatException e) {
                errors.field("services", "Service " + (i + 1) + ": give the quantity as a whole number and the price as an amount such as 15000.00.");
            }
        }
        if (services.isEmpty()) {
            errors.field("services", "Name at least one service: its code, quantity and price.");
        }
        Urgency urgency;
        try {
            urgency = Urgency.valueOf(form.getOrDefault("urgency", "ROUTINE"));
        } catch (IllegalArgumentException e) {
            urgency = Urgency.ROUTINE;
        }
        errors.atMost("notes", form.get("notes"), 2000).atMost("enrolleeNumber", form.get("enrolleeNumber"), 40);
        List<String> diagnoses = Arrays.stream(form.getOrDefault("diagnoses", "").split("[,\\s]+")).map(String::trim)
                .filter(d -> !d.isEmpty()).toList();
        NewPreAuthRequest body = new NewPreAuthRequest(form.getOrDefault("enrolleeNumber", "").trim(), urgency, services,
                diagnoses, form.get("notes"));
        PreAuthView made = errors.attempt(() -> preAuthorisations.request(user, body, PreAuthController.uploads(files)));
        if (made == null) {
            return practicePage(user, form, errors, model);
        }
        flash.addFlashAttribute("notice", made.status() == PreAuthStatus.EMERGENCY
                ? "Emergency: proceed under code " + made.code() + ". The HMO reviews it after the fact."
                : "Request " + made.reference() + " sent to " + made.payerName() + ". It must decide within " + made.timeLeft() + ".");
        return "redirect:/billing/preauthorisations/" + made.reference();
    }

    @GetMapping("/billing/preauthorisations/{reference}")
    String practiceOne(@AuthenticationPrincipal HubUser user, @PathVariable String reference, Model model) {
        model.addAttribute("request", preAuthorisations.practiceOne(user, reference));
        model.addAttribute("maxFileSize", maxFileSize);
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : FormErrors.none());
        return "billing/preauthorisation";
    }

    @PostMapping("/billing/preauthorisations/{reference}/answer")
    String answer(@AuthenticationPrincipal HubUser user, @PathVariable String reference,
            @RequestParam(defaultValue = "") String answer,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none().atMost("answer", answer, 2000);
        if (errors.attempt(() -> preAuthorisations.answer(user, reference, answer, PreAuthController.uploads(files))) == null) {
            model.addAttribute("errors", errors);
            return practiceOne(user, reference, model);
        }
        flash.addFlashAttribute("notice", "Answer sent. The HMO's clock runs again.");
        return "redirect:/billing/preauthorisations/" + reference;
    }

    @GetMapping("/billing/preauthorisations/{reference}/attachments/{attachmentId}")
    ResponseEntity<byte[]> practiceFile(@AuthenticationPrincipal HubUser user,
            @PathVariable String reference, @PathVariable long attachmentId) {
        return PreAuthController.download(preAuthorisations.practiceFile(user, reference, attachmentId));
    }

    private String practicePage(HubUser user, Map<String, String> form, FormErrors errors, Model model) {
        model.addAttribute("requests", preAuthorisations.practiceList(user, 100));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, FORM_ROWS).boxed().toList());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("maxFileSize", maxFileSize);
        return "billing/preauthorisations";
    }

    // ---- HMO desk ------------------------------------------------------------------------------

    @GetMapping("/hmo/preauthorisations")
    String desk(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("queue", preAuthorisations.queue(user));
        model.addAttribute("decided", preAuthorisations.decided(user, 20));
        model.addAttribute("measures", measures.of(payers.findById(user.requireHmoPayerId()).orElseThrow()));
        return "hmo/preauthorisations";
    }

    @GetMapping("/hmo/preauthorisations/{reference}")
    String deskOne(@AuthenticationPrincipal HubUser user, @PathVariable String reference, Model model) {
        return deskPage(preAuthorisations.hmoOne(user, reference), Map.of(), FormErrors.none(), model);
    }

    @GetMapping("/hmo/preauthorisations/{reference}/attachments/{attachmentId}")
    ResponseEntity<byte[]> deskFile(@AuthenticationPrincipal HubUser user,
            @PathVariable String reference, @PathVariable long attachmentId) {
        return PreAuthController.download(preAuthorisations.hmoFile(user, reference, attachmentId));
    }

    @PostMapping("/hmo/preauthorisations/{reference}/approve")
    String approve(@AuthenticationPrincipal HubUser user, @PathVariable String reference,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
        PreAuthView request = preAuthorisations.hmoOne(user, reference);
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        FormErrors errors = FormErrors.none().atMost("code", form.get("code"), 60);
        LocalDate from = date(form.get("validFrom"), "validFrom", errors);
        LocalDate until = date(form.get("validUntil"), "validUntil", errors);
        List<LineApproval> lines = new ArrayList<>();
        for (PreAuthView.Service s : request.services()) {
            try {
                lines.add(new LineApproval(s.position(), Integer.parseInt(form.getOrDefault("quantity" + s.position(), "").trim()),
                        new BigDecimal(form.getOrDefault("amount" + s.position(), "").trim())));
            } catch (NumberFormatException e) {
                errors.field("services", "Service " + s.position() + ": give the approved quantity and amount as numbers.");
            }
        }
        PreAuthView done = errors.attempt(() -> preAuthorisations.approve(user, reference, form.get("code"), from, until, lines));
        if (done == null) {
            return deskPage(request, form, errors, model);
        }
        flash.addFlashAttribute("notice", "Request " + reference + " " + (done.status() == PreAuthStatus.APPROVED ? "approved"
                : "approved in part") + " under code " + done.code() + ". The practice is told.");
        return "redirect:/hmo/preauthorisations/" + reference;
    }

    @PostMapping("/hmo/preauthorisations/{reference}/decline")
    String decline(@AuthenticationPrincipal HubUser user, @PathVariable String reference,
            @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none().atMost("reason", reason, 2000);
        if (errors.attempt(() -> preAuthorisations.decline(user, reference, reason)) == null) {
            return deskPage(preAuthorisations.hmoOne(user, reference), Map.of("reason", reason), errors, model);
        }
        flash.addFlashAttribute("notice", "Request " + reference + " declined. The practice reads your reason.");
        return "redirect:/hmo/preauthorisations/" + reference;
    }

    @PostMapping("/hmo/preauthorisations/{reference}/ask")
    String ask(@AuthenticationPrincipal HubUser user, @PathVariable String reference,
            @RequestParam(defaultValue = "") String question, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none().atMost("question", question, 2000);
        if (errors.attempt(() -> preAuthorisations.askForMoreInformation(user, reference, question)) == null) {
            return deskPage(preAuthorisations.hmoOne(user, reference), Map.of("question", question), errors, model);
        }
        flash.addFlashAttribute("notice", "Question sent. The clock waits for the practice's answer.");
        return "redirect:/hmo/preauthorisations/" + reference;
    }

    @PostMapping("/hmo/preauthorisations/{reference}/reviewed")
    String reviewed(@AuthenticationPrincipal HubUser user, @PathVariable String reference, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        if (errors.attempt(() -> preAuthorisations.markReviewed(user, reference)) == null) {
            return deskPage(preAuthorisations.hmoOne(user, reference), Map.of(), errors, model);
        }
        flash.addFlashAttribute("notice", "Emergency " + reference + " marked reviewed.");
        return "redirect:/hmo/preauthorisations/" + reference;
    }

    private String deskPage(PreAuthView request, Map<String, String> form, FormErrors errors, Model model) {
        Map<String, String> values = new LinkedHashMap<>(form);
        LocalDate today = LocalDate.now(clock);
        values.putIfAbsent("validFrom", today.toString());
        values.putIfAbsent("validUntil", today.plusDays(30).toString());
        for (PreAuthView.Service s : request.services()) {
            values.putIfAbsent("quantity" + s.position(), String.valueOf(s.quantity()));
            values.putIfAbsent("amount" + s.position(), s.amount().toPlainString());
        }
        model.addAttribute("request", request);
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        return "hmo/preauthorisation";
    }

    private static LocalDate date(String typed, String field, FormErrors errors) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.trim());
        } catch (DateTimeParseException e) {
            errors.field(field, "Write the date as yyyy-mm-dd, for example 2026-12-31.");
            return null;
        }
    }
}
