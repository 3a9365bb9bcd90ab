package com.hmoexchange.hub.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.payers.AttachmentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The claim's rules on their own, without Spring or a database. */
class ClaimLifecycleTests {

    static final LocalDate VISIT_DAY = LocalDate.of(2026, 10, 5);
    static final Instant NOW = Instant.parse("2026-10-06T09:00:00Z");
    static final Duration FORTNIGHT = Duration.ofDays(14);
    static final Enrollee COVERED = Enrollee.principal("ENR-1", 1, "Ngozi", "Eze", LocalDate.of(1990, 1, 1),
            LocalDate.of(2026, 1, 1), null, null);

    static Claim draftWithTwoLines() {
        Claim claim = Claim.draft("CLM-1", "REF-1", 1, 1, 1, 1, List.of("b54"), null, "NGN", "billing", NOW);
        claim.addLine(11, "CONS-GP", "GP consultation", 1, VISIT_DAY, new BigDecimal("5000.00"), null, "billing");
        claim.addLine(12, "LAB-MP", "Malaria test", 2, VISIT_DAY, new BigDecimal("2000.00"), null, "billing");
        return claim;
    }

    static Claim submitted() {
        Claim claim = draftWithTwoLines();
        claim.submit(Set.of(), COVERED, FORTNIGHT, "billing", NOW);
        return claim;
    }

    @Test
    void diagnoses_must_be_icd10_codes_whoever_sends_them() {
        assertThatThrownBy(() -> Claim.draft("CLM-2", null, 1, 1, 1, 1, List.of("B54", "malaria"), null, "NGN", "billing", NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("'MALARIA' is not an ICD-10 code")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("diagnoses");
        Claim claim = draftWithTwoLines();
        assertThatThrownBy(() -> claim.describe(List.of("K02.1", "12"), null)).isInstanceOf(InvalidInput.class);
        claim.describe(List.of("k02.1", "J18.9"), null);
        assertThat(claim.getDiagnoses()).containsExactly("K02.1", "J18.9");
    }

    @Test
    void a_draft_is_priced_from_the_tariff_and_totals_its_lines() {
        Claim claim = draftWithTwoLines();

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.DRAFT);
        assertThat(claim.getDiagnoses()).containsExactly("B54");
        assertThat(claim.getLines()).extracting(ClaimLine::amount)
                .containsExactly(new BigDecimal("5000.00"), new BigDecimal("4000.00"));
        assertThat(claim.billedAmount()).isEqualByComparingTo("9000.00");
    }

    @Test
    void a_price_override_is_recorded_with_its_reason_and_author() {
        Claim claim = draftWithTwoLines();

        claim.overridePrice(2, new PriceOverride(new BigDecimal("1500"), "Rapid test, cheaper kit"), "owner");

        ClaimLine line = claim.getLines().get(1);
        assertThat(line.getTariffPrice()).isEqualByComparingTo("2000.00");
        assertThat(line.getUnitPrice()).isEqualByComparingTo("1500.00");
        assertThat(line.getOverrideReason()).isEqualTo("Rapid test, cheaper kit");
        assertThat(line.getOverriddenBy()).isEqualTo("owner");
        assertThat(claim.billedAmount()).isEqualByComparingTo("8000.00");
    }

    @Test
    void an_override_without_a_reason_is_refused() {
        assertThatThrownBy(() -> new PriceOverride(new BigDecimal("1500"), " "))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("needs a reason");
    }

    @Test
    void a_service_without_a_tariff_needs_a_price() {
        Claim claim = draftWithTwoLines();

        assertThatThrownBy(() -> claim.addLine(13, "XRAY", "X-ray", 1, VISIT_DAY, null, null, "billing"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("No tariff for service XRAY on " + com.hmoexchange.hub.common.Days.of(VISIT_DAY) + " ");

        claim.addLine(13, "XRAY", "X-ray", 1, VISIT_DAY, null, new PriceOverride(new BigDecimal("9000"), "Not on tariff yet"), "billing");
        assertThat(claim.getLines().get(2).isOverridden()).isTrue();
    }

    @Test
    void the_same_visit_service_cannot_be_added_twice() {
        Claim claim = draftWithTwoLines();

        assertThatThrownBy(() -> claim.addLine(11, "CONS-GP", "GP", 1, VISIT_DAY, BigDecimal.TEN, null, "billing"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already on claim CLM-1");
    }

    @Test
    void removing_a_line_renumbers_the_rest() {
        Claim claim = draftWithTwoLines();

        claim.removeLine(1);

        assertThat(claim.getLines()).extracting(ClaimLine::getPosition, ClaimLine::getServiceCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "LAB-MP"));
    }

    @Test
    void submit_is_refused_while_required_attachments_are_missing_and_names_them() {
        Claim claim = draftWithTwoLines();

        assertThatThrownBy(() -> claim.submit(Set.of(AttachmentType.REFERRAL_LETTER, AttachmentType.XRAY), COVERED,
                FORTNIGHT, "billing", NOW))
                .isInstanceOf(MissingAttachments.class)
                .hasMessageContaining("REFERRAL_LETTER").hasMessageContaining("XRAY")
                .extracting(e -> ((RuleViolation) e).properties().get("missingAttachments"))
                .isEqualTo(List.of("REFERRAL_LETTER", "XRAY"));
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.DRAFT);
    }

    @Test
    void submit_is_refused_when_the_patient_was_not_covered_on_a_service_date() {
        Enrollee lapsed = Enrollee.principal("ENR-2", 1, "Tunde", "Ola", LocalDate.of(1980, 1, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30), null);

        assertThatThrownBy(() -> draftWithTwoLines().submit(Set.of(), lapsed, FORTNIGHT, "billing", NOW))
                .isInstanceOf(RuleViolation.class)
                // Days as pages write them (the UK's "Sept" included).
                .hasMessageContaining("ENR-2 was not covered on 5 Oct 2026 (status active, cover 1 Jan 2026 to "
                        + com.hmoexchange.hub.common.Days.of(LocalDate.of(2026, 9, 30)) + ")");
    }

    @Test
    void submit_is_refused_without_lines_or_diagnoses() {
        Claim empty = Claim.draft("CLM-2", null, 1, 1, 1, 1, List.of(), null, "NGN", "billing", NOW);

        assertThatThrownBy(() -> empty.submit(Set.of(), COVERED, FORTNIGHT, "billing", NOW))
                .hasMessageContaining("no lines").hasMessageContaining("no diagnosis");
    }

    /** Submitting many claims in one transaction relies on this: a refused claim has nothing to write. */
    @Test
    void a_refused_submit_leaves_the_claim_exactly_as_it_was() {
        Claim claim = draftWithTwoLines();
        Enrollee lapsed = Enrollee.principal("ENR-3", 1, "Tunde", "Ola", LocalDate.of(1980, 1, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30), null);

        assertThatThrownBy(() -> claim.submit(Set.of(AttachmentType.REFERRAL_LETTER), lapsed, FORTNIGHT, "billing",
                NOW.plusSeconds(60))).isInstanceOf(MissingAttachments.class).hasMessageContaining("not covered");

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.DRAFT);
        assertThat(claim.getHistory()).hasSize(1);
        assertThat(claim.getSubmittedAt()).isNull();
        assertThat(claim.getLastActivityAt()).isEqualTo(NOW);
        assertThat(claim.isStale(NOW.plus(Duration.ofDays(365)))).isFalse();
    }

    @Test
    void submit_moves_to_submitted_records_history_and_reports_the_event() {
        Claim claim = draftWithTwoLines();

        ClaimSubmitted event = claim.submit(Set.of(), COVERED, FORTNIGHT, "billing", NOW);

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(event.claimNumber()).isEqualTo("CLM-1");
        assertThat(event.billedAmount()).isEqualByComparingTo("9000.00");
        assertThat(claim.getHistory()).extracting(StatusChange::getFromStatus, StatusChange::getToStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, ClaimStatus.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(ClaimStatus.DRAFT, ClaimStatus.SUBMITTED));
    }

    @Test
    void a_submitted_claim_can_no_longer_be_edited() {
        Claim claim = submitted();

        assertThatThrownBy(() -> claim.removeLine(1)).isInstanceOf(RuleViolation.class).hasMessageContaining("only a draft");
        assertThatThrownBy(() -> claim.describe(List.of("A00"), null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> claim.submit(Set.of(), COVERED, FORTNIGHT, "billing", NOW)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void status_walks_forward_through_every_step() {
        Claim claim = submitted();

        claim.changeStatus(ClaimStatus.RECEIVED, null, "payer portal", "billing", ChangeSource.USER, FORTNIGHT, NOW);
        claim.changeStatus(ClaimStatus.IN_REVIEW, null, "payer portal", "billing", ChangeSource.USER, FORTNIGHT, NOW);
        claim.changeStatus(ClaimStatus.APPROVED, null, "payer email", "billing", ChangeSource.USER, FORTNIGHT, NOW);

        assertThat(claim.getHistory()).extracting(StatusChange::getToStatus).containsExactly(ClaimStatus.DRAFT,
                ClaimStatus.SUBMITTED, ClaimStatus.RECEIVED, ClaimStatus.IN_REVIEW, ClaimStatus.APPROVED);
        assertThat(claim.getApprovedAmount()).isEqualByComparingTo("9000.00");
    }

    @Test
    void a_payer_may_skip_steps() {
        Claim claim = submitted();

        claim.changeStatus(ClaimStatus.APPROVED, null, null, "acme-hmo", ChangeSource.PAYER, FORTNIGHT, NOW);

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.APPROVED);
    }

    @Test
    void status_never_goes_back_nor_changes_after_a_decision() {
        Claim claim = submitted();
        claim.changeStatus(ClaimStatus.IN_REVIEW, null, "called", "billing", ChangeSource.USER, FORTNIGHT, NOW);

        assertThatThrownBy(() -> claim.changeStatus(ClaimStatus.RECEIVED, null, "x", "b", ChangeSource.USER, FORTNIGHT, NOW))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("cannot move back");
        assertThatThrownBy(() -> claim.changeStatus(ClaimStatus.IN_REVIEW, null, "x", "b", ChangeSource.USER, FORTNIGHT, NOW))
                .isInstanceOf(RuleViolation.class);

        claim.changeStatus(ClaimStatus.REJECTED, null, "not covered service", "billing", ChangeSource.USER, FORTNIGHT, NOW);
        assertThatThrownBy(() -> claim.changeStatus(ClaimStatus.APPROVED, null, "x", "b", ChangeSource.USER, FORTNIGHT, NOW))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("decision is final");
    }

    @Test
    void the_payers_receipt_after_its_review_is_kept_late_and_the_claim_stays_where_it_is() {
        Claim claim = submitted();
        claim.changeStatus(ClaimStatus.IN_REVIEW, null, null, "acme-hmo", ChangeSource.PAYER, FORTNIGHT, NOW);

        claim.delivered("ACME-9", true, "http", FORTNIGHT, NOW);

        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.IN_REVIEW);
        StatusChange last = claim.getHistory().get(claim.getHistory().size() - 1);
        assertThat(last.getToStatus()).isEqualTo(ClaimStatus.RECEIVED);
        assertThat(last.isLate()).isTrue();
        assertThat(claim.getHistory()).filteredOn(c -> !c.isLate()).extracting(StatusChange::getToStatus)
                .containsExactly(ClaimStatus.DRAFT, ClaimStatus.SUBMITTED, ClaimStatus.IN_REVIEW);
    }

    @Test
    void the_same_status_again_is_nothing_from_the_payer_and_refused_to_a_person() {
        Claim claim = submitted();
        claim.changeStatus(ClaimStatus.RECEIVED, null, null, "acme-hmo", ChangeSource.PAYER, FORTNIGHT, NOW);

        claim.changeStatus(ClaimStatus.RECEIVED, null, null, "acme-hmo", ChangeSource.PAYER, FORTNIGHT, NOW);
        assertThatThrownBy(() -> claim.changeStatus(ClaimStatus.RECEIVED, null, "x", "b", ChangeSource.USER, FORTNIGHT, NOW))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("is already RECEIVED");

        assertThat(claim.getHistory()).extracting(StatusChange::getToStatus)
                .containsExactly(ClaimStatus.DRAFT, ClaimStatus.SUBMITTED, ClaimStatus.RECEIVED);
    }

    @Test
    void a_draft_cannot_take_a_status_without_being_submitted() {
        assertThatThrownBy(() -> draftWithTwoLines().changeStatus(ClaimStatus.RECEIVED, null, "x", "b", ChangeSource.USER,
                FORTNIGHT, NOW)).isInstanceOf(RuleViolation.class).hasMessageContaining("submit it first");
    }

    @Test
    void a_manual_status_change_needs_a_reason() {
        assertThatThrownBy(() -> submitted().changeStatus(ClaimStatus.RECEIVED, null, "", "b", ChangeSource.USER,
                FORTNIGHT, NOW)).isInstanceOf(InvalidInput.class).hasMessageContaining("reason");
    }

    @Test
    void partial_needs_an_approved_amount_between_nothing_and_the_billed_amount() {
        Claim claim = submitted();

        assertThatThrownBy(() -> claim.changeStatus(ClaimStatus.PARTIAL, null, "r", "b", ChangeSource.USER, FORTNIGHT, NOW))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> claim.changeStatus(ClaimStatus.PARTIAL, new BigDecimal("9000.00"), "r", "b",
                ChangeSource.USER, FORTNIGHT, NOW)).isInstanceOf(InvalidInput.class).hasMessageContaining("less than the billed");
    }

    @Test
    void on_partial_what_the_payer_did_not_approve_is_the_patients_to_pay() {
        Claim claim = submitted();
        claim.changeStatus(ClaimStatus.PARTIAL, new BigDecimal("6500.00"), "lab test not covered", "billing",
                ChangeSource.USER, FORTNIGHT, NOW);

        PaymentRecorded payment = claim.recordPayment("TRF-1", new BigDecimal("6500.00"), VISIT_DAY.plusDays(20), "billing", NOW);

        assertThat(payment.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(claim.paidAmount()).isEqualByComparingTo("6500.00");
        assertThat(claim.patientShare()).isEqualByComparingTo("2500.00");
        assertThat(claim.outstanding()).isEqualByComparingTo("2500.00");
        assertThat(claim.payerOutstanding()).isEqualByComparingTo("0.00");
    }

    @Test
    void payments_settle_the_claim_step_by_step_and_flag_over_payment() {
        Claim claim = submitted();
        claim.changeStatus(ClaimStatus.APPROVED, null, "approved by phone", "billing", ChangeSource.USER, FORTNIGHT, NOW);

        assertThat(claim.recordPayment("TRF-1", new BigDecimal("4000"), VISIT_DAY, "b", NOW).paymentStatus())
                .isEqualTo(PaymentStatus.PARTIALLY_PAID);
        assertThat(claim.outstanding()).isEqualByComparingTo("5000.00");
        assertThat(claim.recordPayment("TRF-2", new BigDecimal("5000"), VISIT_DAY, "b", NOW).paymentStatus())
                .isEqualTo(PaymentStatus.PAID);
        assertThat(claim.outstanding()).isEqualByComparingTo("0.00");

        PaymentRecorded extra = claim.recordPayment("TRF-3", new BigDecimal("250"), VISIT_DAY, "b", NOW);
        assertThat(extra.paymentStatus()).isEqualTo(PaymentStatus.OVERPAID);
        assertThat(extra.overpaidBy()).isEqualByComparingTo("250.00");
    }

    @Test
    void the_same_payment_reference_is_never_posted_twice() {
        Claim claim = submitted();
        claim.recordPayment("TRF-1", new BigDecimal("4000"), VISIT_DAY, "b", NOW);

        assertThatThrownBy(() -> claim.recordPayment("trf-1", new BigDecimal("4000"), VISIT_DAY, "b", NOW))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("already recorded");
        assertThat(claim.paidAmount()).isEqualByComparingTo("4000.00");
    }

    @Test
    void drafts_and_rejected_claims_take_no_payment() {
        assertThatThrownBy(() -> draftWithTwoLines().recordPayment("T", BigDecimal.ONE, VISIT_DAY, "b", NOW))
                .isInstanceOf(RuleViolation.class);
        Claim rejected = submitted();
        rejected.changeStatus(ClaimStatus.REJECTED, null, "duplicate", "b", ChangeSource.USER, FORTNIGHT, NOW);
        assertThatThrownBy(() -> rejected.recordPayment("T", BigDecimal.ONE, VISIT_DAY, "b", NOW))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("REJECTED");
    }

    @Test
    void only_a_rejected_claim_is_resubmitted_and_the_copy_is_a_draft_that_references_it() {
        Claim claim = submitted();
        assertThatThrownBy(() -> claim.resubmission("CLM-9", null, "b", NOW)).isInstanceOf(RuleViolation.class);

        claim.changeStatus(ClaimStatus.REJECTED, null, "wrong diagnosis", "billing", ChangeSource.USER, FORTNIGHT, NOW);
        Claim copy = claim.resubmission("CLM-9", null, "billing", NOW);

        assertThat(copy.getStatus()).isEqualTo(ClaimStatus.DRAFT);
        assertThat(copy.getProviderReference()).isEqualTo("REF-1-R");
        assertThat(copy.getLines()).extracting(ClaimLine::getVisitServiceId).containsExactly(11L, 12L);
        assertThat(copy.billedAmount()).isEqualByComparingTo(claim.billedAmount());
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.REJECTED);
        copy.describe(List.of("B50.9"), null);
        assertThat(copy.getDiagnoses()).containsExactly("B50.9");
    }

    @Test
    void a_claim_waiting_on_the_payer_past_its_limit_is_stale() {
        Claim claim = submitted();

        assertThat(claim.isStale(NOW.plus(Duration.ofDays(13)))).isFalse();
        assertThat(claim.isStale(NOW.plus(Duration.ofDays(15)))).isTrue();
        claim.changeStatus(ClaimStatus.APPROVED, null, "ok", "b", ChangeSource.USER, FORTNIGHT, NOW);
        assertThat(claim.isStale(NOW.plus(Duration.ofDays(30)))).isFalse();
    }
}
