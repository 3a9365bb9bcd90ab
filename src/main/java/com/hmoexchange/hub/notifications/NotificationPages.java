package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.notifications.Inbox.NotificationView;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notices page and the bell's unread count, one for every portal: each role reaches it under its
 * own area (the practice's under /billing, the HMO's under /hmo, the client's under /client, the
 * operators' under /operator, the platform administrators' under /admin: they read the operators' notices) and sees
 * its own notices. Open marks a notice read and opens what it is about.
 */
@Controller
@WebPage
@RequestMapping({"/billing/notifications", "/hmo/notifications", "/client/notifications", "/operator/notifications",
        "/admin/notifications"})
class NotificationPages {

    private final Inbox inbox;

    NotificationPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    String list(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("notifications", inbox.list(user, false, 100));
        model.addAttribute("unread", inbox.unread(user));
        model.addAttribute("area", area(user));
        model.addAttribute("errors", FormErrors.none());
        return "notifications/list";
    }

    /** The bell's content, fetched by htmx on load and every half minute. */
    @GetMapping("/bell")
    String bell(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("unread", inbox.unread(user));
        return "notifications/bell :: count";
    }

    /** Marks the notice read and opens its claim or request (the list when it is about nothing in particular). */
    @PostMapping("/{id}/open")
    String open(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        NotificationView notice = inbox.markRead(user, id);
        // The operators' pages are not the platform administrators': their notices stay on their own list.
        return "redirect:" + (user.role() == Role.PLATFORM_ADMIN ? "/admin/notifications" : target(Inbox.of(user).audience(), notice));
    }

    @PostMapping("/read-all")
    String readAll(@AuthenticationPrincipal HubUser user, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", inbox.markAllRead(user) + " notice(s) marked read.");
        return "redirect:" + area(user) + "/notifications";
    }

    /** The portal area of the user's pages. */
    static String area(HubUser user) {
        if (user.role() == Role.PLATFORM_ADMIN) {
            return "/admin";
        }
        return switch (Inbox.of(user).audience()) {
            case PRACTICE -> "/billing";
            case HMO -> "/hmo";
            case CLIENT -> "/client";
            case OPERATORS -> "/operator";
        };
    }

    private static String target(Audience audience, NotificationView notice) {
        if (notice.claimNumber() != null) {
            return "/billing/claims/number/" + URLEncoder.encode(notice.claimNumber(), StandardCharsets.UTF_8);
        }
        if (notice.kind().name().startsWith("PREAUTH_")) {
            String list = audience == Audience.HMO ? "/hmo/preauthorisations" : "/billing/preauthorisations";
            return notice.preAuthReference() == null ? list
                    : list + "/" + URLEncoder.encode(notice.preAuthReference(), StandardCharsets.UTF_8);
        }
        return switch (audience) {
            case HMO -> notice.requestId() != null ? "/hmo/requests/" + notice.requestId() : "/hmo/requests?status=PENDING";
            case CLIENT -> notice.requestId() != null ? "/client/requests/" + notice.requestId() : "/client/requests";
            case OPERATORS -> switch (notice.kind()) {
                case FILE_QUARANTINED -> "/operator/quarantine";
                case MAIL_HELD -> "/operator/held-mails";
                case MESSAGE_DEAD_LETTERED -> "/operator/dead-letters";
                case INCIDENT_OPENED, INCIDENT_CLOSED -> "/operator/incidents";
                default -> "/operator/notifications";
            };
            case PRACTICE -> "/billing/notifications";
        };
    }
}
