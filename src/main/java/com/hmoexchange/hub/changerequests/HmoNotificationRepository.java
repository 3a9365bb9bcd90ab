package com.hmoexchange.hub.changerequests;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HmoNotificationRepository extends JpaRepository<HmoNotification, Long> {

    List<HmoNotification> findByPayerIdOrderByCreatedAtDescIdDesc(long payerId, Pageable page);

    List<HmoNotification> findByPayerIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(long payerId, Pageable page);

    long countByPayerIdAndReadAtIsNull(long payerId);

    @Modifying
    @Query("update HmoNotification n set n.readAt = :at, n.readBy = :by where n.payerId = :payerId and n.readAt is null")
    int markAllRead(@Param("payerId") long payerId, @Param("by") String by, @Param("at") Instant at);
}
