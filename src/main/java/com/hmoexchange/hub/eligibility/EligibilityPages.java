package com.hmoexchange.hub.eligibility;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Check cover" for a practice's staff: a plain form post (from this page, or the button on New claim and on a
 * claim), answered on the check's own page in words, with the practice's recent checks below.
 */
@Controller
@WebPage
class EligibilityPages {

    private final EligibilityChecks checks;

    EligibilityPages(EligibilityChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/billing/eligibility")
    String page(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "") String enrolleeNumber, Model model) {
        return page(user, null, Map.of("enrolleeNumber", enrolleeNumber), FormErrors.none(), null, model);
    }

    @GetMapping("/billing/eligibility/{id}")
    String one(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestParam(required = false) String back,
            Model model) {
        EligibilityView check = checks.one(user, id);
        return page(user, check, Map.of("enrolleeNumber", check.enrolleeNumber(), "date", check.date().toString(),
                "serviceCodes", String.join(", ", check.services().stream().map(EligibilityView.ServiceView::code).toList())),
                FormErrors.none(), back, model);
    }

    /** Checks and shows the answer on the check's page (POST, then GET: reloading does not check again). */
    @PostMapping("/billing/eligibility")
    String check(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "") String enrolleeNumber,
            @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String serviceCodes,
            @RequestParam(required = false) String back, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("enrolleeNumber", enrolleeNumber);
        form.put("date", date);
        form.put("serviceCodes", serviceCodes);
        FormErrors errors = FormErrors.none();
        LocalDate day = null;
        if (!date.isBlank()) {
            try {
                day = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                errors.field("date", "Give the date as year-month-day, e.g. 2026-12-02, or leave it empty for today.");
            }
        }
        LocalDate on = day;
        List<String> codes = Arrays.stream(serviceCodes.split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
        EligibilityView check = errors.attempt(() -> checks.check(user, enrolleeNumber, on, codes));
        if (check == null) {
            return page(user, null, form, errors, back, model);
        }
        return "redirect:/billing/eligibility/" + check.id() + (safe(back) == null ? "" : "?back=" + safe(back));
    }

    private String page(HubUser user, EligibilityView check, Map<String, String> form, FormErrors errors, String back,
            Model model) {
        model.addAttribute("check", check);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("back", safe(back));
        model.addAttribute("today", checks.today());
        model.addAttribute("recent", checks.recent(user, null, 20));
        return "billing/eligibility";
    }

    /** Only a way back to one of the billing pages (never an address elsewhere). */
    private static String safe(String back) {
        return back != null && back.matches("/billing/claims(/new|/[0-9]+)?(\\?patient=[A-Za-z0-9/%+._-]*)?") ? back : null;
    }
}
