package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.notifications.Inbox.NotificationView;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's notices, whoever they are: a practice's staff see their practice's (claims
 * rejected, partially approved, paid, stale), an HMO's staff their clients' new requests, a client's
 * users the decisions on their requests, operators the hub's (quarantined files, dead letters). Nobody
 * sees another's. The HMO's older paths under /api/hmo/notifications answer the same, marked deprecated.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Notifications", description = "In-app notices for practices' staff, HMOs, clients and operators")
class NotificationController {

    private static final String SUCCESSOR = "</api/notifications>; rel=\"successor-version\"";

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notifications")
    @Operation(summary = "Your notices, newest first (unread=true for the unread ones only)")
    List<NotificationView> list(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int size) {
        return inbox.list(user, unread, size);
    }

    @GetMapping("/notifications/unread-count")
    @Operation(summary = "How many of your notices are unread")
    Map<String, Long> unreadCount(@AuthenticationPrincipal HubUser user) {
        return Map.of("unread", inbox.unread(user));
    }

    @PostMapping("/notifications/{id}/read")
    @Operation(summary = "Mark one notice read")
    NotificationView markRead(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return inbox.markRead(user, id);
    }

    @PostMapping("/notifications/read-all")
    @Operation(summary = "Mark all your notices read")
    Map<String, Integer> markAllRead(@AuthenticationPrincipal HubUser user) {
        return Map.of("marked", inbox.markAllRead(user));
    }

    // The HMO's paths from before the one store: same answers, with Deprecation and Link headers.

    @Deprecated
    @GetMapping("/hmo/notifications")
    @Operation(summary = "Deprecated: use GET /api/notifications", deprecated = true)
    List<NotificationView> hmoList(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int size, HttpServletResponse response) {
        deprecated(response);
        return inbox.list(user, unread, size);
    }

    @Deprecated
    @GetMapping("/hmo/notifications/unread-count")
    @Operation(summary = "Deprecated: use GET /api/notifications/unread-count", deprecated = true)
    Map<String, Long> hmoUnreadCount(@AuthenticationPrincipal HubUser user, HttpServletResponse response) {
        deprecated(response);
        return Map.of("unread", inbox.unread(user));
    }

    @Deprecated
    @PostMapping("/hmo/notifications/{id}/read")
    @Operation(summary = "Deprecated: use POST /api/notifications/{id}/read", deprecated = true)
    NotificationView hmoMarkRead(@AuthenticationPrincipal HubUser user, @PathVariable long id, HttpServletResponse response) {
        deprecated(response);
        return inbox.markRead(user, id);
    }

    @Deprecated
    @PostMapping("/hmo/notifications/read-all")
    @Operation(summary = "Deprecated: use POST /api/notifications/read-all", deprecated = true)
    Map<String, Integer> hmoMarkAllRead(@AuthenticationPrincipal HubUser user, HttpServletResponse response) {
        deprecated(response);
        return Map.of("marked", inbox.markAllRead(user));
    }

    private static void deprecated(HttpServletResponse response) {
        response.setHeader("Deprecation", "true");
        response.setHeader("Link", SUCCESSOR);
    }
}
