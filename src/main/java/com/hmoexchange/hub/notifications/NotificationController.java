package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.common.Forbidden;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
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

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationController(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    record NotificationView(long id, String kind, String claimNumber, String message, Instant createdAt, Instant readAt,
            String readBy) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getKind(), n.getClaimNumber(), n.getMessage(), n.getCreatedAt(),
                    n.getReadAt(), n.getReadBy());
        }
    }

    /** Whose notices the user sees: the practice's, or the operators'. */
    private record Scope(Notification.Audience audience, Long providerId) {
        static Scope of(HubUser user) {
            if (user.role() == Role.OPERATOR) {
                return new Scope(Notification.Audience.OPERATORS, null);
            }
            if (user.role().isProviderSide()) {
                return new Scope(Notification.Audience.PRACTICE, user.requireProviderId());
            }
            throw new Forbidden("Notifications here are for a practice's staff and the hub's operators; HMO staff have "
                    + "theirs under /api/hmo/notifications.");
        }

        boolean owns(Notification n) {
            return n.getAudience() == audience && (providerId == null ? n.getProviderId() == null : providerId.equals(n.getProviderId()));
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Your notices, newest first (unread=true for the unread ones only)")
    List<NotificationView> list(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") int size) {
        Scope scope = Scope.of(user);
        return notifications.find(scope.audience(), scope.providerId(), unread, PageRequest.of(0, Math.max(1, Math.min(size, 200))))
                .stream().map(NotificationView::of).toList();
    }

    @GetMapping("/unread-count")
    @Transactional(readOnly = true)
    @Operation(summary = "How many of your notices are unread")
    Map<String, Long> unreadCount(@AuthenticationPrincipal HubUser user) {
        Scope scope = Scope.of(user);
        return Map.of("unread", notifications.unread(scope.audience(), scope.providerId()));
    }

    @PostMapping("/{id}/read")
    @Transactional
    @Operation(summary = "Mark one notice read")
    NotificationView markRead(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        Scope scope = Scope.of(user);
        Notification n = notifications.findById(id).filter(scope::owns).orElseThrow(() -> new NotFoundException("Notification", id));
        n.markRead(user.getUsername(), clock.instant());
        return NotificationView.of(n);
    }

    @PostMapping("/read-all")
    @Transactional
    @Operation(summary = "Mark all your notices read")
    Map<String, Integer> markAllRead(@AuthenticationPrincipal HubUser user) {
        Scope scope = Scope.of(user);
        return Map.of("marked", notifications.markAllRead(scope.audience(), scope.providerId(), user.getUsername(), clock.instant()));
    }
}
