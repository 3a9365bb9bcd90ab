package com.hmoexchange.hub.visits;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface VisitRepository extends JpaRepository<Visit, Long> {

    Optional<Visit> findByIdAndProviderId(long id, long providerId);

    Optional<Visit> findByProviderIdAndExternalRef(long providerId, String externalRef);

    List<Visit> findTop100ByProviderIdAndEnrolleeIdOrderByEncounterDateDesc(long providerId, long enrolleeId);

    List<Visit> findTop100ByProviderIdOrderByEncounterDateDescIdDesc(long providerId);

    /**
     * Takes the visit's row lock for the rest of the transaction. Claim changes that take services
     * from a visit go one at a time per visit, so two claims cannot both take the same service.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from Visit v where v.id = :id and v.providerId = :providerId")
    Optional<Visit> lockForClaiming(long id, long providerId);
}
