package com.hmoexchange.hub.notifications;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Notices by recipient. The operators' have no owner: an owner of null matches them (the audience keeps them apart). */
interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.audience = :audience and (:ownerId is null or n.ownerId = :ownerId) "
            + "and (:unreadOnly = false or n.readAt is null) order by n.createdAt desc, n.id desc")
    List<Notification> find(@Param("audience") Audience audience, @Param("ownerId") Long ownerId,
            @Param("unreadOnly") boolean unreadOnly, Pageable page);

    @Query("select count(n) from Notification n where n.audience = :audience and (:ownerId is null or n.ownerId = :ownerId) "
            + "and n.readAt is null")
    long unread(@Param("audience") Audience audience, @Param("ownerId") Long ownerId);

    @Modifying
    @Query("update Notification n set n.readAt = :at, n.readBy = :by where n.audience = :audience "
            + "and (:ownerId is null or n.ownerId = :ownerId) and n.readAt is null")
    int markAllRead(@Param("audience") Audience audience, @Param("ownerId") Long ownerId,
            @Param("by") String by, @Param("at") Instant at);
}
