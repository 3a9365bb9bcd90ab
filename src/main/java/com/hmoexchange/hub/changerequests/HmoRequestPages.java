package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.clients.ClientRepository;
import com.hmoexchange.hub.changerequests.RequestViews.RequestView;
import com.hmoexchange.hub.notifications.Inbox;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.Names;
import com.hmoexchange.hub.web.WebPage;
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
 * The HMO portal's Manage Requests: the dashboard with filters, a request's before and after, and
 * Approve / Reject, each behind a confirm step. All through {@link HmoDesk}; the bell and notices are the
 * notifications module's.
 */
@Controller
@WebPage
@RequestMapping("/hmo")
class HmoRequestPages {

    private final HmoDesk desk;
    private final ClientRepository clients;
    private final Inbox inbox;
    private final Names names;

    HmoRequestPages(HmoDesk desk, ClientRepository clients, Inbox inbox, Names names) {
        this.desk = desk;
        this.clients = clients;
        this.inbox = inbox;
        this.names = names;
    }

    @GetMapping("/requests")
    String dashboard(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) ChangeStatus status,
            @RequestParam(required = false) String client, @RequestParam(required = false) ChangeKind kind,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String clientCode = client == null || client.isBlank() ? null : client;
        FormErrors errors = FormErrors.none();
        var found = errors.attempt(() -> desk.list(user, new HmoDesk.Filter(status, clientCode, kind, null, null),
                Math.max(page, 0), 25));
        model.addAttribute("found", found);
        model.addAttribute("errors", errors);
        model.addAttribute("status", status);
        model.addAttribute("client", clientCode);
        model.addAttribute("kind", kind);
        model.addAttribute("statuses", ChangeStatus.values());
        model.addAttribute("kinds", ChangeKind.values());
        model.addAttribute("clients", clients.findByPayerIdOrderByName(user.requireHmoPayerId()));
        model.addAttribute("unread", inbox.unread(user));
        return "hmo/requests";
    }

    @GetMapping("/requests/{id}")
    String detail(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestParam(required = false) String confirm, Model model) {
        return detailPage(desk.one(user, id), confirm, "", FormErrors.none(), model);
    }

    @PostMapping("/requests/{id}/approve")
    String approve(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        RequestView approved = errors.attempt(() -> desk.approve(user, id));
        if (approved == null) {
            // For example stale data: the refusal says what changed; the HMO can reject with it.
            return detailPage(desk.one(user, id), null, "", errors, model);
        }
        flash.addFlashAttribute("notice", "Request " + id + " approved and applied"
                + (approved.resultEnrolleeNumber() == null ? "." : ": " + approved.resultEnrolleeNumber() + "."));
        return "redirect:/hmo/requests/" + id;
    }

    @PostMapping("/requests/{id}/decline")
    String decline(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        if (reason.isBlank()) {
            errors.field("reason", "Say why the request is rejected: the client sees the reason.");
        } else if (reason.length() > 500) {
            errors.field("reason", "Keep the reason to 500 characters.");
        }
        RequestView declined = errors.attempt(() -> desk.decline(user, id, reason));
        if (declined == null) {
            return detailPage(desk.one(user, id), "reject", reason, errors, model);
        }
        flash.addFlashAttribute("notice", "Request " + id + " rejected. The client sees your reason.");
        return "redirect:/hmo/requests/" + id;
    }

    private String detailPage(RequestView request, String confirm, String reason, FormErrors errors, Model model) {
        model.addAttribute("request", request);
        model.addAttribute("rows", RequestRows.of(request.before(), request.after(), names::practice, names::plan));
        model.addAttribute("confirm", request.status() == ChangeStatus.PENDING ? confirm : null);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "hmo/request";
    }
}
