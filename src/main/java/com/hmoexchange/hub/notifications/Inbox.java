package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.common.Forbidden;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's notices, for the API and the pages alike: a practice's staff see their
 * practice's, operators the hub's. Nobody sees or marks another's (it is not found).
 */
@Service
class Inbox {

    private final NotificationRepository notifications;
    private final Clock clock;

    Inbox(NotificationRepository notifications, Clock clock) {
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

    @Transactional(readOnly = true)
    List<NotificationView> list(HubUser user, boolean unreadOnly, int size) {
        Scope scope = Scope.of(user);
        return notifications.find(scope.audience(), scope.providerId(), unreadOnly, PageRequest.of(0, Math.max(1, Math.min(size, 200))))
                .stream().map(NotificationView::of).toList();
    }

    @Transactional(readOnly = true)
    long unread(HubUser user) {
        Scope scope = Scope.of(user);
        return notifications.unread(scope.audience(), scope.providerId());
    }

    @Transactional
    NotificationView markRead(HubUser user, long id) {
        Scope scope = Scope.of(user);
        Notification n = notifications.findById(id).filter(scope::owns).orElseThrow(() -> new NotFoundException("Notification", id));
        n.markRead(user.getUsername(), clock.instant());
        return NotificationView.of(n);
    }

    @Transactional
    int markAllRead(HubUser user) {
        Scope scope = Scope.of(user);
        return notifications.markAllRead(scope.audience(), scope.providerId(), user.getUsername(), clock.instant());
    }
}
