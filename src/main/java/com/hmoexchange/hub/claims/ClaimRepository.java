package com.hmoexchange.hub.claims;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface ClaimRepository extends JpaRepository<Claim, Long>, JpaSpecificationExecutor<Claim> {

    Optional<Claim> findByIdAndProviderId(long id, long providerId);

    Optional<Claim> findByClaimNumber(String claimNumber);

    List<Claim> findByClaimNumberIn(Collection<String> claimNumbers);

    boolean existsByProviderIdAndProviderReference(long providerId, String providerReference);

    Optional<Claim> findFirstByResubmissionOfId(long claimId);

    /** Other claims that already hold any of these visit services. */
    @Query("select distinct c from Claim c join c.lines l where l.visitServiceId in :serviceIds and c.id <> :exceptClaimId")
    List<Claim> findHolding(Collection<Long> serviceIds, long exceptClaimId);
}
