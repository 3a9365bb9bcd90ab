package com.hmoexchange.hub.preauth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PreAuthorisationRepository extends JpaRepository<PreAuthorisation, Long> {

    Optional<PreAuthorisation> findByReference(String reference);

    Optional<PreAuthorisation> findByCode(String code);

    boolean existsByCode(String code);

    /** The HMO's desk: what still needs it or the practice, the least time left first. */
    @Query("select p from PreAuthorisation p where p.payerId = :payerId and (p.status in :statuses or p.reviewNeeded = true) "
            + "order by p.dueAt, p.id")
    List<PreAuthorisation> queue(long payerId, Collection<PreAuthStatus> statuses);

    List<PreAuthorisation> findByPayerIdAndStatusInOrderByDecidedAtDesc(long payerId, Collection<PreAuthStatus> statuses,
            Pageable page);

    List<PreAuthorisation> findByProviderIdOrderByRequestedAtDesc(long providerId, Pageable page);

    @Query("select p.id from PreAuthorisation p where p.status = com.hmoexchange.hub.preauth.PreAuthStatus.REQUESTED and p.remindedAt is null and p.remindAt <= :now "
            + "order by p.remindAt")
    List<Long> dueForReminder(Instant now, Pageable page);

    @Query("select p.id from PreAuthorisation p where p.status = com.hmoexchange.hub.preauth.PreAuthStatus.REQUESTED and p.dueAt <= :now order by p.dueAt")
    List<Long> pastTheLimit(Instant now, Pageable page);

    /** Requests a channel-mode payer has not taken yet (the desk's are marked taken when made). */
    @Query("select p.id from PreAuthorisation p where p.status = com.hmoexchange.hub.preauth.PreAuthStatus.REQUESTED and p.sentAt is null order by p.requestedAt")
    List<Long> unsent(Pageable page);

    /** Every decision of a payer's since a moment, for its measures. */
    @Query("select p from PreAuthorisation p where p.payerId = :payerId and p.decidedAt >= :since and p.urgency <> com.hmoexchange.hub.preauth.Urgency.EMERGENCY")
    List<PreAuthorisation> decidedSince(long payerId, Instant since);

    long countByPayerIdAndStatus(long payerId, PreAuthStatus status);
}
