package com.hmoexchange.hub.preauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Golden samples of the FHIR pre-authorisation messages of the channel payer (mappings/crestline-health/samples/):
 * the request the hub sends ({@code preauth-*.out.fhir.json}) and the answers it reads ({@code preauth-*.in.fhir.json}).
 * -Dhub.samples.regenerate=true rewrites the request sample; review the diff.
 */
class PreAuthFhirTests {

    private static final Path SAMPLES = Path.of("mappings/crestline-health/samples");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_request_becomes_a_fhir_claim_for_preauthorization_as_in_its_golden_sample() throws Exception {
        PreAuthorisation p = PreAuthorisationLifecycleTests.routine();
        String actual = PreAuthFhir.request(p, new PreAuthFhir.Parties("CRL/1001/0", "Ngozi Eze", "clinic-lekki",
                "Lekki Family Clinic", "crestline-health", "Crestline Health Plan", "NGN"));
        Path expected = SAMPLES.resolve("preauth-routine.out.fhir.json");
        if (Boolean.getBoolean("hub.samples.regenerate")) {
            Files.writeString(expected, actual + "\n");
        }
        assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(Files.readString(expected)));
        assertThat(JSON.readTree(actual).path("use").asText()).isEqualTo("preauthorization");
    }

    @Test
    void an_approval_reads_into_the_code_its_period_and_what_was_approved_per_service() throws Exception {
        PayerAnswer answer = PreAuthFhir.answer(Files.readString(SAMPLES.resolve("preauth-approved.in.fhir.json")));
        assertThat(answer.requestReference()).isEqualTo("PA-1");
        assertThat(answer.outcome()).isEqualTo(PayerAnswer.Outcome.APPROVED);
        assertThat(answer.code()).isEqualTo("CRL-PA-5001");
        assertThat(answer.validFrom()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(answer.validUntil()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(answer.lines()).extracting(PreAuthorisation.LineApproval::position, PreAuthorisation.LineApproval::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 2));
        assertThat(answer.lines().get(1).amount()).isEqualByComparingTo(new BigDecimal("9000"));
        assertThat(answer.payerReference()).isEqualTo("CRL-R-5001");
    }

    @Test
    void an_error_outcome_is_a_decline_with_the_disposition_as_reason() throws Exception {
        PayerAnswer answer = PreAuthFhir.answer(Files.readString(SAMPLES.resolve("preauth-declined.in.fhir.json")));
        assertThat(answer.outcome()).isEqualTo(PayerAnswer.Outcome.DECLINED);
        assertThat(answer.reason()).contains("medical director");
        assertThat(answer.code()).isNull();
    }

    @Test
    void an_answer_that_is_not_a_claim_response_is_refused_with_why() {
        assertThatThrownBy(() -> PreAuthFhir.answer("{\"resourceType\":\"Patient\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ClaimResponse");
    }
}
