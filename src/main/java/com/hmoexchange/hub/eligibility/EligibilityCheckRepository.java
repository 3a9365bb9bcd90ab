package com.hmoexchange.hub.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EligibilityCheckRepository extends JpaRepository<EligibilityCheck, Long> {

    /** The payer's latest own answer for the same member, date and services, given since {@code since}: the cache. */
    Optional<EligibilityCheck> findFirstByPayerIdAndEnrolleeIdAndServiceDateAndServiceCodesAndPayerProblemIsNullAndFromCacheFalseAndAnsweredAtGreaterThanEqualOrderByAnsweredAtDesc(
            long payerId, long enrolleeId, LocalDate serviceDate, String serviceCodes, Instant since);

    /** The latest answer the payer gave about the member (any date and services): shown when it cannot be reached. */
    Optional<EligibilityCheck> findFirstByPayerIdAndEnrolleeIdAndPayerProblemIsNullAndAnswerIsNotNullOrderByAnsweredAtDesc(
            long payerId, long enrolleeId);

    List<EligibilityCheck> findByProviderIdOrderByCheckedAtDesc(long providerId, Pageable page);

    List<EligibilityCheck> findByProviderIdAndEnrolleeNumberOrderByCheckedAtDesc(long providerId, String enrolleeNumber, Pageable page);

    List<EligibilityCheck> findByPayerIdOrderByCheckedAtDesc(long payerId, Pageable page);

    List<EligibilityCheck> findByPayerIdAndEnrolleeNumberOrderByCheckedAtDesc(long payerId, String enrolleeNumber, Pageable page);
}
