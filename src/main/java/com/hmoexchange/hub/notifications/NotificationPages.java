package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The billing desk's notices (claims rejected, partly approved, paid, stale) and the bell's unread count. */
@Controller
@WebPage
@RequestMapping("/billing/notifications")
class NotificationPages {

    private final Inbox inbox;

    NotificationPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    String list(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("notifications", inbox.list(user, false, 100));
        model.addAttribute("unread", inbox.unread(user));
        model.addAttribute("errors", FormErrors.none());
        return "billing/notifications";
    }

    /** The bell's content, fetched by htmx on load and every half minute. */
    @GetMapping("/bell")
    String bell(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("unread", inbox.unread(user));
        return "hmo/bell";
    }

    /** Marks the notice read and opens its claim. */
    @PostMapping("/{id}/open")
    String open(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        Inbox.NotificationView notice = inbox.markRead(user, id);
        return notice.claimNumber() == null ? "redirect:/billing/notifications"
                : "redirect:/billing/claims/number/" + java.net.URLEncoder.encode(notice.claimNumber(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @PostMapping("/read-all")
    String readAll(@AuthenticationPrincipal HubUser user, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", inbox.markAllRead(user) + " notice(s) marked read.");
        return "redirect:/billing/notifications";
    }
}
