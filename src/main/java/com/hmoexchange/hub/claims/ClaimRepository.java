package com.hmoexchange.hub.claims;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ClaimRepository extends JpaRepository<Claim, Long>, JpaSpecificationExecutor<Claim> {

    Optional<Claim> findByIdAndProviderId(long id, long providerId);

    /** How many claims' attachments hold this content (a resubmission shares its original's files). */
    @Query("select count(a) from Claim c join c.attachments a where a.contentId = :contentId")
    long countAttachmentReferences(long contentId);

    /** The practice's claims among the ids; another practice's are left out, as if they did not exist. */
    List<Claim> findByProviderIdAndIdIn(long providerId, Collection<Long> ids);

    // What submitting a claim reads, for many claims at once: one query per collection (fetching them
    // together would multiply the rows), instead of one per claim or per batch of 50.

    @Query("select distinct c from Claim c left join fetch c.lines where c.id in :ids")
    List<Claim> fetchLines(Collection<Long> ids);

    @Query("select distinct c from Claim c left join fetch c.attachments where c.id in :ids")
    List<Claim> fetchAttachments(Collection<Long> ids);

    @Query("select distinct c from Claim c left join fetch c.diagnoses where c.id in :ids")
    List<Claim> fetchDiagnoses(Collection<Long> ids);

    @Query("select distinct c from Claim c left join fetch c.history where c.id in :ids")
    List<Claim> fetchHistory(Collection<Long> ids);

    Optional<Claim> findByClaimNumber(String claimNumber);

    List<Claim> findByClaimNumberIn(Collection<String> claimNumbers);

    boolean existsByProviderIdAndProviderReference(long providerId, String providerReference);

    /** The number of the corrected copy of a rejected claim, if one was started (at most one is). */
    @Query("select c.claimNumber from Claim c where c.resubmissionOfId = :claimId order by c.id")
    List<String> resubmissionNumbers(@Param("claimId") long claimId);

    /** Other claims that already hold any of these visit services. */
    @Query("select distinct c from Claim c join c.lines l where l.visitServiceId in :serviceIds and c.id <> :exceptClaimId")
    List<Claim> findHolding(Collection<Long> serviceIds, long exceptClaimId);
}
