package com.hmoexchange.hub.preauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.preauth.PreAuthorisation.LineApproval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request's lifecycle and NHIA's clock, without Spring: time is passed in, nothing sleeps. */
class PreAuthorisationLifecycleTests {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Duration HOUR = Duration.ofMinutes(60);
    private static final Duration REMIND = Duration.ofMinutes(45);

    static PreAuthorisation routine() {
        return PreAuthorisation.request("PA-1", 1, 2, 3, Urgency.ROUTINE, List.of(
                new RequestedService("SURG-APP", "Appendicectomy", 1, new BigDecimal("250000")),
                new RequestedService("DRUG-ACT", "Antibiotics", 3, new BigDecimal("4500"))),
                List.of("K35.8"), "acute abdomen", "billing", T0, HOUR, REMIND);
    }

    @Test
    void the_clock_reminds_at_45_minutes_then_deems_authorised_at_60_and_the_hmo_is_liable() {
        PreAuthorisation p = routine();
        assertThat(p.timeLeft(T0.plus(Duration.ofMinutes(10)))).isEqualTo(Duration.ofMinutes(50));
        assertThat(p.remindIfDue(T0.plus(Duration.ofMinutes(44)))).isFalse();
        assertThat(p.remindIfDue(T0.plus(REMIND))).isTrue();
        assertThat(p.remindIfDue(T0.plus(Duration.ofMinutes(50)))).as("reminded once").isFalse();
        assertThat(p.deemIfDue("HUB-DA-1", TODAY, Duration.ofDays(30), T0.plus(Duration.ofMinutes(59)))).isFalse();

        assertThat(p.deemIfDue("HUB-DA-1", TODAY, Duration.ofDays(30), T0.plus(HOUR))).isTrue();

        assertThat(p.getStatus()).isEqualTo(PreAuthStatus.DEEMED_AUTHORISED);
        assertThat(p.getCode()).isEqualTo("HUB-DA-1");
        assertThat(p.getValidUntil()).isEqualTo(TODAY.plusDays(30));
        assertThat(p.getDecidedBy()).isEqualTo(PreAuthorisation.NHIA_RULE);
        assertThat(p.getServices()).allSatisfy(s -> assertThat(s.getApprovedAmount()).isEqualByComparingTo(s.amount()));
        assertThat(p.timeLeft(T0.plus(HOUR))).isNull();
        assertThat(p.deemIfDue("HUB-DA-2", TODAY, Duration.ofDays(30), T0.plus(HOUR))).as("once only").isFalse();
        assertThatThrownBy(() -> p.decline("too late", "hmo", T0.plus(HOUR))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("DEEMED_AUTHORISED");
    }

    @Test
    void approving_less_than_asked_is_a_partial_approval_with_the_approved_amounts_kept() {
        PreAuthorisation p = routine();
        p.approve("ACME-PA-9", TODAY, TODAY.plusDays(7), List.of(new LineApproval(2, 2, new BigDecimal("9000"))), "hmo",
                T0.plus(Duration.ofMinutes(20)));
        assertThat(p.getStatus()).isEqualTo(PreAuthStatus.PARTLY_APPROVED);
        assertThat(p.getServices().get(0).getApprovedQuantity()).isEqualTo(1);
        assertThat(p.getServices().get(1).getApprovedQuantity()).isEqualTo(2);
        assertThat(p.getServices().get(1).getApprovedAmount()).isEqualByComparingTo("9000");
        assertThat(p.deemIfDue("HUB-DA-1", TODAY, Duration.ofDays(30), T0.plus(Duration.ofHours(2)))).isFalse();
    }

    @Test
    void an_approval_in_full_approves_and_one_beyond_the_request_or_of_nothing_is_refused() {
        PreAuthorisation p = routine();
        assertThatThrownBy(() -> p.approve("C", TODAY, TODAY, List.of(new LineApproval(2, 4, new BigDecimal("1"))), "hmo", T0))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("between 0 and 3");
        assertThatThrownBy(() -> p.approve("C", TODAY, TODAY, List.of(new LineApproval(1, 0, BigDecimal.ZERO),
                new LineApproval(2, 0, BigDecimal.ZERO)), "hmo", T0)).isInstanceOf(RuleViolation.class).hasMessageContaining("decline");
        assertThatThrownBy(() -> p.approve("C", TODAY, TODAY.minusDays(1), List.of(), "hmo", T0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> p.approve(" ", TODAY, TODAY, List.of(), "hmo", T0)).isInstanceOf(InvalidInput.class);
        assertThat(p.getStatus()).as("nothing half-applied").isEqualTo(PreAuthStatus.REQUESTED);

        p.approve("C", TODAY, TODAY, List.of(), "hmo", T0);
        assertThat(p.getStatus()).isEqualTo(PreAuthStatus.APPROVED);
    }

    @Test
    void a_decline_needs_a_reason() {
        PreAuthorisation p = routine();
        assertThatThrownBy(() -> p.decline(" ", "hmo", T0)).isInstanceOf(InvalidInput.class);
        p.decline("Not covered by the plan", "hmo", T0);
        assertThat(p.getStatus()).isEqualTo(PreAuthStatus.DECLINED);
        assertThat(p.getCode()).isNull();
    }

    @Test
    void asking_for_more_information_stops_the_clock_and_the_answer_restarts_it_with_the_time_that_was_left() {
        PreAuthorisation p = routine();
        p.askForMoreInformation("Send the ultrasound report", "hmo", T0.plus(Duration.ofMinutes(20)));
        assertThat(p.getStatus()).isEqualTo(PreAuthStatus.MORE_INFO_ASKED);
        Instant muchLater = T0.plus(Duration.ofHours(5));
        assertThat(p.timeLeft(muchLater)).isEqualTo(Duration.ofMinutes(40));
        assertThat(p.deemIfDue("HUB-DA-1", TODAY, Duration.ofDays(30), muchLater)).as("paused").isFalse();
        assertThat(p.remindIfDue(muchLater)).isFalse();
        assertThatThrownBy(() -> p.askForMoreInformation("again", "hmo", muchLater)).isInstanceOf(RuleViolation.class);

        p.answer("Report attached to the notes: inflamed appendix", muchLater);

        assertThat(p.getStatus()).isEqualTo(PreAuthStatus.REQUESTED);
        assertThat(p.getDueAt()).isEqualTo(muchLater.plus(Duration.ofMinutes(40)));
        assertThat(p.remindIfDue(muchLater.plus(Duration.ofMinutes(24)))).isFalse();
        assertThat(p.remindIfDue(muchLater.plus(Duration.ofMinutes(25)))).as("15 minutes before the limit, as before").isTrue();
        assertThatThrownBy(() -> p.answer("twice", muchLater)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void the_desk_orders_a_request_waiting_on_the_practice_by_the_time_it_had_left_not_by_its_old_due_time() {
        PreAuthorisation paused = request("PA-PAUSED", T0);
        paused.askForMoreInformation("Send the scan", "hmo", T0.plus(Duration.ofMinutes(10)));
        PreAuthorisation later = request("PA-LATER", T0.plus(Duration.ofMinutes(30)));
        Instant now = T0.plus(Duration.ofMinutes(60));

        assertThat(paused.getDueAt()).as("its old due time").isBefore(later.getDueAt());
        assertThat(desk(now, paused, later)).as("50 minutes frozen come after 30 running").containsExactly("PA-LATER", "PA-PAUSED");

        Instant answered = T0.plus(Duration.ofMinutes(65));
        paused.answer("Scan attached", answered);

        assertThat(paused.getDueAt()).isEqualTo(answered.plus(Duration.ofMinutes(50)));
        assertThat(desk(answered, paused, later)).containsExactly("PA-LATER", "PA-PAUSED");
        Instant close = T0.plus(Duration.ofMinutes(70));
        PreAuthorisation fresh = request("PA-FRESH", close);
        assertThat(desk(close, fresh, paused, later)).as("by the new due time").containsExactly("PA-LATER", "PA-PAUSED", "PA-FRESH");
    }

    private static PreAuthorisation request(String reference, Instant at) {
        return PreAuthorisation.request(reference, 1, 2, 3, Urgency.ROUTINE, List.of(new RequestedService("SURG-APP",
                "Appendicectomy", 1, new BigDecimal("250000"))), List.of("K35.8"), null, "billing", at, HOUR, REMIND);
    }

    private static List<String> desk(Instant now, PreAuthorisation... requests) {
        return java.util.stream.Stream.of(requests).sorted(PreAuthorisation.deskOrder(now)).map(PreAuthorisation::getReference).toList();
    }

    @Test
    void an_emergency_proceeds_at_once_under_the_hubs_code_and_waits_for_review() {
        PreAuthorisation p = PreAuthorisation.emergency("PA-2", 1, 2, 3, List.of(new RequestedService("ADM-WARD", "Admission",
                2, new BigDecimal("30000"))), List.of("S06.0"), null, "billing", T0, HOUR, REMIND, "HUB-EM-1", TODAY,
                Duration.ofDays(30));
        assertThat(p.getStatus()).isEqualTo(PreAuthStatus.EMERGENCY);
        assertThat(p.getStatus().authorises()).isTrue();
        assertThat(p.getCode()).isEqualTo("HUB-EM-1");
        assertThat(p.isReviewNeeded()).isTrue();
        assertThat(p.deemIfDue("HUB-DA-1", TODAY, Duration.ofDays(30), T0.plus(Duration.ofHours(2)))).isFalse();
        p.markReviewed("hmo");
        assertThat(p.isReviewNeeded()).isFalse();
        assertThatThrownBy(() -> p.markReviewed("hmo")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_request_without_services_or_diagnoses_is_refused() {
        assertThatThrownBy(() -> PreAuthorisation.request("PA-3", 1, 2, 3, Urgency.URGENT, List.of(), List.of("K35.8"), null,
                "b", T0, HOUR, REMIND)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PreAuthorisation.request("PA-3", 1, 2, 3, Urgency.URGENT, List.of(new RequestedService("X", "x", 1,
                BigDecimal.ONE)), List.of(" "), null, "b", T0, HOUR, REMIND)).isInstanceOf(InvalidInput.class);
    }
}
