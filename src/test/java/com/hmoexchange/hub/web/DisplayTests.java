package com.hmoexchange.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.changerequests.ChangeKind;
import com.hmoexchange.hub.claims.ClaimStatus;
import com.hmoexchange.hub.payers.AttachmentType;
import com.hmoexchange.hub.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What people read: one money form with its currency, times in the configured zone, codes as words. */
class DisplayTests {

    private final Display lagos = Display.in(ZoneId.of("Africa/Lagos"));

    @Test
    void money_has_the_naira_sign_grouped_thousands_and_two_decimals() {
        assertThat(lagos.money(new BigDecimal("4500"))).isEqualTo("₦4,500.00");
        assertThat(lagos.money(new BigDecimal("4500.00"), "NGN")).isEqualTo("₦4,500.00");
        assertThat(lagos.money(new BigDecimal("1234567.005"), "ngn")).isEqualTo("₦1,234,567.01");
        assertThat(lagos.money(new BigDecimal("-12.5"), null)).isEqualTo("-₦12.50");
        assertThat(lagos.money(new BigDecimal("0"))).isEqualTo("₦0.00");
    }

    @Test
    void another_currency_is_written_with_its_code_and_no_amount_is_empty() {
        assertThat(lagos.money(new BigDecimal("3"), "USD")).isEqualTo("USD 3.00");
        assertThat(lagos.money(null, "NGN")).isEmpty();
    }

    @Test
    void a_moment_is_shown_in_the_configured_zone_with_its_name() {
        Instant lateEvening = Instant.parse("2026-12-02T23:30:00Z");
        assertThat(lagos.when(lateEvening)).isEqualTo("3 Dec 2026, 00:30 WAT");
        assertThat(lagos.day(lateEvening)).isEqualTo("3 Dec 2026");
        assertThat(Display.in(ZoneId.of("UTC")).when(lateEvening)).isEqualTo("2 Dec 2026, 23:30 UTC");
        assertThat(Display.in(ZoneId.of("Europe/London")).when(Instant.parse("2026-07-01T08:05:00Z")))
                .isEqualTo("1 Jul 2026, 09:05 BST");
        assertThat(lagos.day(LocalDate.of(2026, 1, 9))).isEqualTo("9 Jan 2026");
        assertThat(lagos.when(null)).isEmpty();
    }

    @Test
    void an_aggregate_writes_a_day_as_the_pages_do() {
        LocalDate day = LocalDate.of(2026, 11, 30);
        assertThat(com.hmoexchange.hub.common.Days.of(day)).isEqualTo(lagos.day(day)).isEqualTo("30 Nov 2026");
        assertThat(com.hmoexchange.hub.common.Days.of(null)).isEmpty();
    }

    @Test
    void the_zone_defaults_to_lagos_when_not_configured() {
        assertThat(new DisplaySettings(null).timeZone()).isEqualTo(ZoneId.of("Africa/Lagos"));
    }

    @Test
    void an_error_reads_without_java_class_names_and_says_when_there_was_technical_detail() {
        String camel = "org.apache.camel.http.base.HttpOperationFailedException: HTTP operation failed with statusCode: 500";
        assertThat(lagos.inWords(camel)).isEqualTo("HTTP operation failed with statusCode: 500");
        assertThat(lagos.isTechnical(camel)).isTrue();
        assertThat(lagos.inWords("java.lang.NullPointerException")).isEqualTo("The hub could not complete this; the technical detail says why.");
        assertThat(lagos.inWords("The payer's server did not answer in time; it is tried again."))
                .isEqualTo("The payer's server did not answer in time; it is tried again.");
        assertThat(lagos.isTechnical("The payer's server did not answer in time; it is tried again.")).isFalse();
        assertThat(lagos.inWords(null)).isEmpty();
    }

    @Test
    void codes_read_as_words() {
        assertThat(lagos.label(ChangeKind.ADD_DEPENDENT)).isEqualTo("Add a dependent");
        assertThat(lagos.label(AttachmentType.TREATMENT_PLAN)).isEqualTo("Treatment plan");
        assertThat(lagos.label(AttachmentType.XRAY)).isEqualTo("X-ray");
        assertThat(lagos.label(ClaimStatus.PARTIAL)).isEqualTo("Partly approved");
        assertThat(lagos.label(ClaimStatus.IN_REVIEW)).isEqualTo("In review");
        assertThat(lagos.label(Role.HMO_ADMIN)).isEqualTo("HMO officer");
        assertThat(lagos.label(Role.BILLING_STAFF)).isEqualTo("Billing staff");
        // An enum or text without its own label still reads as a sentence, never as a constant.
        assertThat(lagos.label("DEAD_LETTERED")).isEqualTo("Dead lettered");
        assertThat(lagos.label(null)).isEmpty();
        assertThat(lagos.role("CLIENT_USER")).isEqualTo("Client HR officer");
        assertThat(lagos.role("RETIRED_ROLE")).isEqualTo("Retired role");
        // A dead letter's event is a Java class's simple name on the broker: the page reads it as words.
        assertThat(new com.hmoexchange.hub.dispatch.DeadLetters.DeadLetter("m", "CLM-1", "ClaimResendRequested", 0, null).kind())
                .isEqualTo("Claim resend requested");
        assertThat(new com.hmoexchange.hub.dispatch.DeadLetters.DeadLetter("m", "CLM-1", null, 0, "cannot be read").kind())
                .isEqualTo("Unknown");
    }
}
