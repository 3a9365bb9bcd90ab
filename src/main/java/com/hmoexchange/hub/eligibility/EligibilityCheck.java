package com.hmoexchange.hub.eligibility;

import com.hmoexchange.hub.payers.EligibilitySection.Source;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One eligibility check, as made: who asked, for which member, date and services, which source answered and what,
 * and whether the answer was fresh, reused from an earlier check (the cache), or the last known one because the
 * payer could not be reached. Written once; never changed.
 */
@Entity
class EligibilityCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant checkedAt;
    private String checkedBy;
    private long providerId;
    private Long payerId;
    private Long enrolleeId;
    private String enrolleeNumber;
    private LocalDate serviceDate;
    private String serviceCodes;
    @Enumerated(EnumType.STRING)
    private Source source;
    @Enumerated(EnumType.STRING)
    private CheckOutcome outcome;
    private boolean fromCache;
    private String payerProblem;
    private Instant answeredAt;
    private String answer;
    private String refusal;

    protected EligibilityCheck() {
    }

    /**
     * @param answer the answer shown (JSON of {@link CoverAnswer}); null when the payer could not be reached and no
     *        earlier answer was known
     * @param payerProblem why the payer could not be reached; null when it (or the roster) answered
     */
    EligibilityCheck(Instant checkedAt, String checkedBy, long providerId, long payerId, long enrolleeId, String enrolleeNumber,
            LocalDate serviceDate, List<String> serviceCodes, Source source, CheckOutcome outcome, boolean fromCache,
            String payerProblem, Instant answeredAt, String answer) {
        this.checkedAt = checkedAt;
        this.checkedBy = checkedBy;
        this.providerId = providerId;
        this.payerId = payerId;
        this.enrolleeId = enrolleeId;
        this.enrolleeNumber = enrolleeNumber;
        this.serviceDate = serviceDate;
        this.serviceCodes = key(serviceCodes);
        this.source = source;
        this.outcome = payerProblem != null && answer == null ? CheckOutcome.UNKNOWN : outcome;
        this.fromCache = fromCache;
        this.payerProblem = payerProblem == null ? null : payerProblem.length() > 500 ? payerProblem.substring(0, 500) : payerProblem;
        this.answeredAt = answeredAt;
        this.answer = answer;
    }

    /**
     * A check refused before any source was asked: no member has the number (payer and member null), or the practice
     * has no current contract with the member's payer.
     *
     * @param refusal why, in words, as the refusal said it
     */
    static EligibilityCheck refused(Instant checkedAt, String checkedBy, long providerId, Long payerId, Long enrolleeId,
            String enrolleeNumber, LocalDate serviceDate, List<String> serviceCodes, String refusal) {
        EligibilityCheck check = new EligibilityCheck();
        check.checkedAt = checkedAt;
        check.checkedBy = checkedBy;
        check.providerId = providerId;
        check.payerId = payerId;
        check.enrolleeId = enrolleeId;
        check.enrolleeNumber = enrolleeNumber.length() > 60 ? enrolleeNumber.substring(0, 60) : enrolleeNumber;
        check.serviceDate = serviceDate;
        check.serviceCodes = key(serviceCodes);
        check.outcome = CheckOutcome.REFUSED;
        check.refusal = refusal.length() > 500 ? refusal.substring(0, 500) : refusal;
        return check;
    }

    /** The services as stored and compared: upper case, sorted, without repeats, separated by commas. */
    static String key(List<String> serviceCodes) {
        return String.join(",", serviceCodes.stream().map(c -> c.trim().toUpperCase(java.util.Locale.ROOT))
                .filter(c -> !c.isEmpty()).distinct().sorted().toList());
    }

    boolean payerReached() {
        return payerProblem == null;
    }

    Long getId() {
        return id;
    }

    Instant getCheckedAt() {
        return checkedAt;
    }

    String getCheckedBy() {
        return checkedBy;
    }

    long getProviderId() {
        return providerId;
    }

    /** Null when no member had the number. */
    Long getPayerId() {
        return payerId;
    }

    /** Null when no member had the number. */
    Long getEnrolleeId() {
        return enrolleeId;
    }

    String getEnrolleeNumber() {
        return enrolleeNumber;
    }

    /** Why the check was refused; null when it was answered. */
    String getRefusal() {
        return refusal;
    }

    LocalDate getServiceDate() {
        return serviceDate;
    }

    List<String> getServiceCodes() {
        return serviceCodes.isEmpty() ? List.of() : Arrays.asList(serviceCodes.split(","));
    }

    /** Null for a refused check: no source was asked. */
    Source getSource() {
        return source;
    }

    CheckOutcome getOutcome() {
        return outcome;
    }

    boolean isFromCache() {
        return fromCache;
    }

    String getPayerProblem() {
        return payerProblem;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }

    String getAnswer() {
        return answer;
    }
}
