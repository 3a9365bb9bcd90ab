package com.hmoexchange.hub.preauth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PreAuthorisationRepository extends JpaRepository<PreAuthorisation, Long> {

    Optional<PreAuthorisation> findByReference(String reference);

    Optional<PreAuthorisation> findByCode(String code);

    boolean existsByCode(String code);

    /** The HMO's desk: what still needs it or the practice (ordered by time left in PreAuthorisations#queue). */
    @Query("select p from PreAuthorisation p where p.payerId = :payerId and (p.status in :statuses or p.reviewNeeded = true)")
    List<PreAuthorisation> queue(long payerId, Collection<PreAuthStatus> statuses);

    List<PreAuthorisation> findByPayerIdAndStatusInOrderByDecidedAtDesc(long payerId, Collection<PreAuthStatus> statuses,
            Pageable page);

    List<PreAuthorisation> findByProviderIdOrderByRequestedAtDesc(long providerId, Pageable page);

    @Query("select p.id from PreAuthorisation p where p.status = com.hmoexchange.hub.preauth.PreAuthStatus.REQUESTED and p.remindedAt is null and p.remindAt <= :now "
            + "order by p.remindAt")
    List<Long> dueForReminder(Instant now, Pageable page);

    @Query("select p.id from PreAuthorisation p where p.status = com.hmoexchange.hub.preauth.PreAuthStatus.REQUESTED and p.dueAt <= :now order by p.dueAt")
    List<Long> pastTheLimit(Instant now, Pageable page);

    /** Requests a channel-mode payer has not taken yet and no send is in flight for (the desk's are marked taken when made). */
    @Query("select p.id from PreAuthorisation p where p.status = com.hmoexchange.hub.preauth.PreAuthStatus.REQUESTED and p.sentAt is null "
            + "and (p.sendLeaseUntil is null or p.sendLeaseUntil < :now) order by p.requestedAt")
    List<Long> unsent(Instant now, Pageable page);

    /**
     * Takes the lease to send a request: 1 when this caller may send it now, 0 when it is taken, no longer waiting, or
     * another send holds an unexpired lease. One conditional update, so two senders (the request's own and the clock's,
     * on any node) cannot both win; the version moves so a change made from an older read fails rather than undoes it.
     */
    @Modifying
    @Query("update PreAuthorisation p set p.sendLeaseUntil = :until, p.version = p.version + 1 where p.id = :id "
            + "and p.status = com.hmoexchange.hub.preauth.PreAuthStatus.REQUESTED and p.sentAt is null "
            + "and (p.sendLeaseUntil is null or p.sendLeaseUntil < :now)")
    int leaseSend(long id, Instant now, Instant until);

    /** Gives the lease back after a send failed, so the clock's next tick tries again. */
    @Modifying
    @Query("update PreAuthorisation p set p.sendLeaseUntil = null, p.version = p.version + 1 where p.id = :id")
    int releaseSend(long id);

    /** Every decision of a payer's since a moment, for its measures. */
    @Query("select p from PreAuthorisation p where p.payerId = :payerId and p.decidedAt >= :since and p.urgency <> com.hmoexchange.hub.preauth.Urgency.EMERGENCY")
    List<PreAuthorisation> decidedSince(long payerId, Instant since);

    long countByPayerIdAndStatus(long payerId, PreAuthStatus status);
}
