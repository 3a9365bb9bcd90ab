package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.changerequests.RequestViews.RequestView;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.Names;
import com.hmoexchange.hub.web.WebPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client portal (CLIENT_USER): dashboard, staff search, a principal's family, "My requests" and
 * the bulk CSV upload, all through {@link ClientPortal} and so scoped to the user's own client.
 */
@Controller
@WebPage
@RequestMapping("/client")
class ClientPortalPages {

    private final ClientPortal portal;
    private final Names names;

    ClientPortalPages(ClientPortal portal, Names names) {
        this.portal = portal;
        this.names = names;
    }

    @GetMapping
    String dashboard(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("pending", portal.requests(user, ChangeStatus.PENDING, 0, 1).totalItems());
        model.addAttribute("approved", portal.requests(user, ChangeStatus.APPROVED, 0, 1).totalItems());
        model.addAttribute("declined", portal.requests(user, ChangeStatus.DECLINED, 0, 1).totalItems());
        model.addAttribute("recent", portal.requests(user, null, 0, 5).items());
        return "client/dashboard";
    }

    @GetMapping("/principals")
    String search(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("principals", portal.searchPrincipals(user, q));
        return "client/principals";
    }

    /** Another client's enrollee is not found here (the service's scoping): the page shows nothing of it. */
    @GetMapping("/enrollees/{id}")
    String principal(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model) {
        model.addAttribute("family", portal.principal(user, id));
        return "client/principal";
    }

    @GetMapping("/requests")
    String requests(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) ChangeStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("found", portal.requests(user, status, Math.max(page, 0), 25));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ChangeStatus.values());
        return "client/requests";
    }

    /** One of the client's own requests; another client's is not found here (ClientPortal scopes it). */
    @GetMapping("/requests/{id}")
    String request(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model) {
        RequestView request = portal.request(user, id);
        model.addAttribute("request", request);
        model.addAttribute("rows", RequestRows.of(request.before(), request.after(), names::practice, names::plan));
        return "client/request";
    }

    @PostMapping("/requests/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal HubUser user, @PathVariable long id, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        RequestView withdrawn = errors.attempt(() -> portal.withdraw(user, id));
        flash.addFlashAttribute("notice", withdrawn != null ? "Request " + id + " withdrawn." : errors.getPage());
        return "redirect:/client/requests";
    }

    @GetMapping("/bulk")
    String bulkForm() {
        return "client/bulk";
    }

    /** The upload; the page posts it with htmx (progress bar) and shows the row report in place. */
    @PostMapping("/bulk")
    String bulk(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        FormErrors errors = FormErrors.none();
        if (file == null || file.isEmpty()) {
            errors.field("file", "Choose a CSV file to upload.");
        }
        BulkRequests.Outcome outcome = errors.attempt(() -> portal.upload(user,
                file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(), utf8(file)));
        model.addAttribute("errors", errors);
        model.addAttribute("outcome", outcome);
        return "client/bulk";
    }

    private static String utf8(MultipartFile file) {
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
