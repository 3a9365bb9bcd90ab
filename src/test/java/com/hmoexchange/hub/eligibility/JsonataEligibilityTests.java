package com.hmoexchange.hub.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.hmoexchange.hub.payers.MappingLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Golden samples of a {@code jsonata} payer's eligibility messages (mappings/acme-hmo/samples/): the hub's question
 * ({@code eligibility-question.json}) through Acme's request mapping ({@code eligibility-request.out.json}), and each
 * of Acme's answers ({@code eligibility-<case>.in.json}) through its answer mapping ({@code eligibility-<case>.expected.json}).
 */
class JsonataEligibilityTests {

    private static final Path ACME = Path.of("mappings/acme-hmo");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final JsonataEligibility acme = new JsonataEligibility(JSON, MappingLimits.DEFAULT);

    @Test
    void the_question_goes_out_in_acmes_json_as_in_its_golden_samples() throws Exception {
        PayerQuestion question = new PayerQuestion("EL-1", Instant.parse("2026-12-02T09:00:00Z"), "ACM/10001/0",
                LocalDate.of(2026, 12, 2), List.of("CONS-GP", "DRUG-ACT"), "lekki-family-clinic", "Lekki Family Clinic",
                "acme-hmo", "Acme Health HMO");

        assertThat((com.fasterxml.jackson.databind.JsonNode) JSON.valueToTree(JsonataEligibility.question(question)))
                .isEqualTo(JSON.readTree(ACME.resolve("samples/eligibility-question.json").toFile()));
        assertThat(JSON.readTree(acme.request(ACME.resolve("eligibility-request.jsonata"), question)))
                .isEqualTo(JSON.readTree(ACME.resolve("samples/eligibility-request.out.json").toFile()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"active", "inactive"})
    void each_answer_reads_as_in_its_golden_sample(String sample) throws Exception {
        String in = Files.readString(ACME.resolve("samples/eligibility-" + sample + ".in.json"));

        CoverAnswer answer = acme.answer(ACME.resolve("eligibility-answer.jsonata"), in, JSON.readTree(in).path("requestId").asText());

        assertThat(JSON.readTree(JSON.writeValueAsString(answer)))
                .isEqualTo(JSON.readTree(ACME.resolve("samples/eligibility-" + sample + ".expected.json").toFile()));
    }

    @Test
    void an_answer_that_is_not_json_says_nothing_of_cover_or_names_another_request_counts_as_the_payer_not_answering() {
        Path mapping = ACME.resolve("eligibility-answer.jsonata");

        assertThatThrownBy(() -> acme.answer(mapping, "<html>gateway error</html>", "EL-1")).isInstanceOf(PayerUnreachable.class)
                .hasMessage("its answer is not JSON");
        assertThatThrownBy(() -> acme.answer(Path.of("mappings/acme-hmo/response-in.jsonata"), "{\"x\":1}", "EL-1"))
                .isInstanceOf(PayerUnreachable.class);
        assertThatThrownBy(() -> acme.answer(mapping, "{\"requestId\":\"EL-7\",\"status\":\"ACTIVE\"}", "EL-1"))
                .isInstanceOf(PayerUnreachable.class).hasMessage("its answer is about another request (EL-7)");
    }
}
