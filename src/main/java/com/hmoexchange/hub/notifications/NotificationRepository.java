package com.hmoexchange.hub.notifications;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.audience = :audience and (:providerId is null or n.providerId = :providerId) "
            + "and (:unreadOnly = false or n.readAt is null) order by n.createdAt desc, n.id desc")
    List<Notification> find(@Param("audience") Notification.Audience audience, @Param("providerId") Long providerId,
            @Param("unreadOnly") boolean unreadOnly, Pageable page);

    @Query("select count(n) from Notification n where n.audience = :audience and (:providerId is null or n.providerId = :providerId) "
            + "and n.readAt is null")
    long unread(@Param("audience") Notification.Audience audience, @Param("providerId") Long providerId);

    @Modifying
    @Query("update Notification n set n.readAt = :at, n.readBy = :by where n.audience = :audience "
            + "and (:providerId is null or n.providerId = :providerId) and n.readAt is null")
    int markAllRead(@Param("audience") Notification.Audience audience, @Param("providerId") Long providerId,
            @Param("by") String by, @Param("at") Instant at);
}
