package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.security.HubUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's notices, for the API and the pages alike: a practice's staff see their
 * practice's, an HMO's staff their HMO's, a client's users their client's, operators the hub's.
 * Nobody sees or marks another's (it is not found).
 */
@Service
public class Inbox {

    private final NotificationRepository notifications;
    private final Clock clock;

    Inbox(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * A notice as the API shows it. {@code claimNumber}, {@code requestId} or {@code preAuthReference} says what opening
     * it opens.
     */
    record NotificationView(long id, NotificationKind kind, String claimNumber, Long requestId, String preAuthReference,
            String message, Instant createdAt, Instant readAt, String readBy) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getKind(), n.getClaimNumber(), n.getChangeRequestId(),
                    n.getPreauthReference(), n.getMessage(), n.getCreatedAt(), n.getReadAt(), n.getReadBy());
        }
    }

    /** Whose notices the user sees. */
    static Recipient of(HubUser user) {
        return switch (user.role()) {
            case OPERATOR, PLATFORM_ADMIN -> Recipient.operators();
            case HMO_ADMIN -> Recipient.hmo(user.requireHmoPayerId());
            case CLIENT_USER -> Recipient.client(user.requireClientId());
            case OWNER, ADMIN, BILLING_STAFF -> Recipient.practice(user.requireProviderId());
        };
    }

    @Transactional(readOnly = true)
    List<NotificationView> list(HubUser user, boolean unreadOnly, int size) {
        Recipient me = of(user);
        return notifications.find(me.audience(), me.ownerId(), unreadOnly, PageRequest.of(0, Math.max(1, Math.min(size, 200))))
                .stream().map(NotificationView::of).toList();
    }

    /** How many of the user's notices are unread (the bell's count). */
    @Transactional(readOnly = true)
    public long unread(HubUser user) {
        Recipient me = of(user);
        return notifications.unread(me.audience(), me.ownerId());
    }

    @Transactional
    NotificationView markRead(HubUser user, long id) {
        Recipient me = of(user);
        Notification n = notifications.findById(id).filter(x -> x.isFor(me)).orElseThrow(() -> new NotFoundException("Notification", id));
        n.markRead(user.getUsername(), clock.instant());
        return NotificationView.of(n);
    }

    @Transactional
    int markAllRead(HubUser user) {
        Recipient me = of(user);
        return notifications.markAllRead(me.audience(), me.ownerId(), user.getUsername(), clock.instant());
    }
}
