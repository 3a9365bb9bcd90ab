package com.hmoexchange.hub.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden samples of the FHIR eligibility messages of the {@code fhir} payer (mappings/crestline-health/samples/): the
 * request the hub sends ({@code eligibility-request.out.fhir.json}) and each answer it reads
 * ({@code eligibility-<case>.in.fhir.json}) with what it reads from it ({@code eligibility-<case>.expected.json}).
 * -Dhub.samples.regenerate=true rewrites the request sample; review the diff.
 */
class EligibilityFhirTests {

    private static final Path SAMPLES = Path.of("mappings/crestline-health/samples");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void a_check_becomes_a_coverage_eligibility_request_as_in_its_golden_sample() throws Exception {
        String actual = FhirEligibility.request(new PayerQuestion("EL-1", Instant.parse("2026-12-02T09:00:00Z"),
                "CHP-30001", LocalDate.of(2026, 12, 2), List.of("CONS-GP", "DRUG-ACT"), "lekki-family-clinic",
                "Lekki Family Clinic", "crestline-health", "Crestline Health Plan"));
        Path expected = SAMPLES.resolve("eligibility-request.out.fhir.json");
        if (Boolean.getBoolean("hub.samples.regenerate")) {
            Files.writeString(expected, actual + "\n");
        }
        JsonNode request = JSON.readTree(actual);
        assertThat(request).isEqualTo(JSON.readTree(Files.readString(expected)));
        assertThat(request.path("resourceType").asText()).isEqualTo("CoverageEligibilityRequest");
        assertThat(request.path("servicedDate").asText()).isEqualTo("2026-12-02");
        assertThat(request.path("item").findValuesAsText("code")).containsExactly("CONS-GP", "DRUG-ACT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"covered", "not-covered"})
    void each_answer_reads_as_in_its_golden_sample(String sample) throws Exception {
        String in = Files.readString(SAMPLES.resolve("eligibility-" + sample + ".in.fhir.json"));
        String reference = JSON.readTree(in).at("/request/identifier/value").asText();

        CoverAnswer answer = FhirEligibility.answer(in, reference);

        assertThat(JSON.readTree(JSON.writeValueAsString(answer)))
                .isEqualTo(JSON.readTree(Files.readString(SAMPLES.resolve("eligibility-" + sample + ".expected.json"))));
    }

    @Test
    void an_answer_that_is_not_one_or_is_about_another_request_counts_as_the_payer_not_answering() throws Exception {
        String covered = Files.readString(SAMPLES.resolve("eligibility-covered.in.fhir.json"));

        assertThatThrownBy(() -> FhirEligibility.answer("{\"resourceType\":\"Patient\"}", "EL-1"))
                .isInstanceOf(PayerUnreachable.class).hasMessageContaining("not a FHIR R4 CoverageEligibilityResponse");
        assertThatThrownBy(() -> FhirEligibility.answer("not json", "EL-1")).isInstanceOf(PayerUnreachable.class);
        assertThatThrownBy(() -> FhirEligibility.answer(covered, "EL-99")).isInstanceOf(PayerUnreachable.class)
                .hasMessage("its answer is about another request (EL-1)");
        assertThatThrownBy(() -> FhirEligibility.answer(covered.replace("\"complete\"", "\"error\""), "EL-1"))
                .isInstanceOf(PayerUnreachable.class).hasMessageStartingWith("it answered with an error");
    }

    @Test
    void an_age_reads_in_words() {
        assertThat(EligibilityChecks.age(40L)).isEqualTo("40 seconds");
        assertThat(EligibilityChecks.age(60L)).isEqualTo("1 minute");
        assertThat(EligibilityChecks.age(3 * 3600L + 5 * 60)).isEqualTo("3 hours 5 minutes");
        assertThat(EligibilityChecks.age(2 * 86400L)).isEqualTo("2 days");
    }
}
