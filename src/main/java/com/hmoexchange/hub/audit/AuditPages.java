package com.hmoexchange.hub.audit;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log's page: filters, newest entries first, the CSV download and (platform administrators) the chain check. */
@Controller
@WebPage
@RequestMapping("/audit")
class AuditPages {

    static final int PAGE_SIZE = 100;

    private final AuditSearch search;
    private final AuditReview review;

    AuditPages(AuditSearch search, AuditReview review) {
        this.search = search;
        this.review = review;
    }

    @GetMapping
    String log(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long before, Model model) {
        AuditFilter filter = new AuditFilter(actor, action, from, to);
        FormErrors errors = FormErrors.none();
        AuditSearch.Found found = errors.attempt(() -> search.search(user, filter, before, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("errors", errors);
        model.addAttribute("found", found != null ? found : new AuditSearch.Found(List.of(), false, null));
        model.addAttribute("mayVerify", user.role() == Role.PLATFORM_ADMIN);
        return "audit/log";
    }

    @GetMapping("/export.csv")
    void export(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        review.export(user, new AuditFilter(actor, action, from, to), response);
    }

    @PostMapping("/verify")
    String verify(Model model) {
        AuditChain.Verification result = review.verify();
        model.addAttribute("verification", result);
        return "audit/verified";
    }
}
