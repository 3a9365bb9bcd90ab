package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exceptions list (what payers said that the hub could not apply: claims, payments, acknowledgements) for operators, and for an HMO admin their own payer's only ({@link ExceptionDesk}
 * scopes them; another payer's is not found): the list, one exception, match to a claim or dismiss,
 * each behind a confirm step.
 */
@Controller
@WebPage
@RequestMapping("/operator/exceptions")
class ExceptionPages {

    private final ExceptionDesk desk;

    ExceptionPages(ExceptionDesk desk) {
        this.desk = desk;
    }

    /** {@code status}: OPEN unless another is chosen; "ALL" for every one. */
    @GetMapping
    String list(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "OPEN") String status, Model model) {
        PayerException.Status chosen = java.util.Arrays.stream(PayerException.Status.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("exceptions", desk.list(user, chosen, null, 200));
        model.addAttribute("status", chosen == null ? "ALL" : chosen.name());
        model.addAttribute("statuses", PayerException.Status.values());
        model.addAttribute("errors", FormErrors.none());
        return "operator/exceptions";
    }

    /** {@code confirm}: "match" or "dismiss" shows that action's form. */
    @GetMapping("/{id}")
    String one(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestParam(required = false) String confirm,
            Model model) {
        return page(user, id, confirm, Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/{id}/match")
    String match(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String claimNumber, @RequestParam(defaultValue = "") String note, Model model,
            RedirectAttributes flash) {
        FormErrors errors = FormErrors.none().atMost("claimNumber", claimNumber, 60).atMost("note", note, 300);
        ApplyPayerResponse.Summary applied = errors.attempt(() -> desk.match(user, id, claimNumber,
                note.isBlank() ? null : note.trim()));
        if (applied == null) {
            return page(user, id, "match", Map.of("claimNumber", claimNumber, "note", note), errors, model);
        }
        flash.addFlashAttribute("notice", "Matched to " + claimNumber.trim() + ": " + applied.text());
        return "redirect:/operator/exceptions/" + id;
    }

    @PostMapping("/{id}/dismiss")
    String dismiss(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none().atMost("reason", reason, 500);
        PayerException dismissed = errors.attempt(() -> desk.dismiss(user, id, reason));
        if (dismissed == null) {
            return page(user, id, "dismiss", Map.of("reason", reason), errors, model);
        }
        flash.addFlashAttribute("notice", "Exception " + id + " dismissed.");
        return "redirect:/operator/exceptions/" + id;
    }

    private String page(HubUser user, long id, String confirm, Map<String, String> typed, FormErrors errors, Model model) {
        model.addAttribute("exception", desk.one(user, id));
        model.addAttribute("confirm", confirm);
        model.addAttribute("form", new HashMap<>(typed));
        model.addAttribute("errors", errors);
        return "operator/exception";
    }
}
