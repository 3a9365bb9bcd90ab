package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.notifications.Inbox.NotificationView;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * The signed-in user's notices: a practice's staff see their practice's (claims rejected, partially
 * approved, paid, stale), operators the hub's (quarantined files, dead letters). Nobody sees another's.
 */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "In-app notices for billing staff and operators")
class NotificationController {

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "Your notices, newest first (unread=true for the unread ones only)")
    List<NotificationView> list(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int size) {
        return inbox.list(user, unread, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of your notices are unread")
    Map<String, Long> unreadCount(@AuthenticationPrincipal HubUser user) {
        return Map.of("unread", inbox.unread(user));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one notice read")
    NotificationView markRead(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return inbox.markRead(user, id);
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all your notices read")
    Map<String, Integer> markAllRead(@AuthenticationPrincipal HubUser user) {
        return Map.of("marked", inbox.markAllRead(user));
    }
}
