package com.hmoexchange.hub.mailintake;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface HeldMailRepository extends JpaRepository<HeldMail, Long> {

    List<HeldMail> findByStatusOrderByReceivedAtDesc(HeldMail.Status status, Pageable page);

    List<HeldMail> findAllByOrderByReceivedAtDesc(Pageable page);

    boolean existsByIntakeAndMailKey(Intake intake, String mailKey);

    /** The held mail, locked until the deciding transaction ends: two operators accepting at once apply it once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from HeldMail h where h.id = ?1")
    Optional<HeldMail> lockById(long id);
}
