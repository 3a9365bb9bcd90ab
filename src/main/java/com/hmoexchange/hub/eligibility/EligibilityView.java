package com.hmoexchange.hub.eligibility;

import com.hmoexchange.hub.eligibility.CoverAnswer.Benefit;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One check as the practice (and the HMO) sees it: the answer in words and in fields, and where it came from.
 *
 * @param summary the answer in one sentence, as the pages show it
 * @param payerNotes the payer's other terms in words (co-payments, services needing its authorisation…), where it says
 * @param stale true when the payer could not be reached and this is its last known answer (see payerProblem, answerAgeSeconds)
 */
@Schema(name = "EligibilityCheck")
public record EligibilityView(long id, Instant checkedAt, String checkedBy, String enrolleeNumber, String memberName,
        String payer, String payerName, LocalDate date, String source, CheckOutcome outcome, boolean covered, String summary,
        String reason, String plan, LocalDate coverStart, LocalDate coverEnd, List<Benefit> benefits,
        List<String> payerNotes, List<ServiceView> services, boolean fromCache, boolean stale, Instant answeredAt, Long answerAgeSeconds,
        String payerProblem) {

    /**
     * An asked service: whether it needs a PA code from the payer (its payer.yaml's preauthorisation.servicesNeedingCode)
     * and the member's share, in percent, where the payer names one.
     */
    public record ServiceView(String code, boolean needsPaCode, BigDecimal coPaymentPercent, String inWords) {
    }
}
