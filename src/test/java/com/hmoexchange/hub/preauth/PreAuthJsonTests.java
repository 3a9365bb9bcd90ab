package com.hmoexchange.hub.preauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.hmoexchange.hub.payers.MappingLimits;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden samples of a JSON payer's pre-authorisation messages (mappings/zenith-care/samples/): the hub's canonical
 * request ({@code preauth-request.json}) through Zenith's request mapping ({@code preauth-request.out.json}), and each of
 * Zenith's answers ({@code preauth-<case>.in.json}) through its answer mapping ({@code preauth-<case>.expected.json}).
 */
class PreAuthJsonTests {

    private static final Path ZENITH = Path.of("mappings/zenith-care");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final PreAuthJson zenith = new PreAuthJson(JSON, MappingLimits.DEFAULT);

    @Test
    void the_request_goes_out_in_zeniths_json_as_in_its_golden_samples_with_its_files() throws Exception {
        PreAuthorisation p = PreAuthorisation.request("PA-261202-ZC7K2M", 1, 2, 3, Urgency.URGENT, List.of(
                new RequestedService("SURG-APP", "Appendicectomy", 1, new BigDecimal("250000.00")),
                new RequestedService("DRUG-ACT", "Antibiotics", 3, new BigDecimal("4500.00"))), List.of("K35.8"),
                "acute abdomen", "billing", Instant.parse("2026-12-02T09:00:00Z"), Duration.ofMinutes(60), Duration.ofMinutes(45));
        PreAuthFhir.Parties parties = new PreAuthFhir.Parties("ZEN/20001/0", "Amaka Obi", "lekki-family-clinic",
                "Lekki Family Clinic", "zenith-care", "Zenith Care Assurance", "NGN");

        var canonical = PreAuthJson.canonical(p, parties, List.of(new PreAuthorisations.AttachmentFile("referral.pdf",
                "application/pdf", "%PDF-1.4 referral".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));

        assertThat(JSON.readTree(JSON.writeValueAsString(canonical)))
                .isEqualTo(JSON.readTree(ZENITH.resolve("samples/preauth-request.json").toFile()));
        assertThat(JSON.readTree(zenith.request(ZENITH.resolve("preauth-request.jsonata"), canonical)))
                .isEqualTo(JSON.readTree(ZENITH.resolve("samples/preauth-request.out.json").toFile()));
    }

    @Test
    void a_request_without_files_sends_no_documents() throws Exception {
        PreAuthorisation p = PreAuthorisation.request("PA-261202-ZC7K2N", 1, 2, 3, Urgency.ROUTINE, List.of(
                new RequestedService("SURG-APP", "Appendicectomy", 1, new BigDecimal("250000.00"))), List.of("K35.8"),
                null, "billing", Instant.parse("2026-12-02T09:00:00Z"), Duration.ofMinutes(60), Duration.ofMinutes(45));
        PreAuthFhir.Parties parties = new PreAuthFhir.Parties("ZEN/20001/0", "Amaka Obi", "lekki-family-clinic",
                "Lekki Family Clinic", "zenith-care", "Zenith Care Assurance", "NGN");

        JsonNode out = JSON.readTree(zenith.request(ZENITH.resolve("preauth-request.jsonata"), PreAuthJson.canonical(p, parties)));

        assertThat(out.has("documents")).isFalse();
        assertThat(out.get("authRequestId").asText()).isEqualTo("PA-261202-ZC7K2N");
    }

    @ParameterizedTest
    @ValueSource(strings = {"partial", "denied", "info-required", "received"})
    void each_answer_reads_as_in_its_golden_sample(String sample) throws Exception {
        String in = Files.readString(ZENITH.resolve("samples/preauth-" + sample + ".in.json"));

        PayerAnswer answer = zenith.answer(ZENITH.resolve("preauth-answer.jsonata"), in);

        JsonNode expected = JSON.readTree(ZENITH.resolve("samples/preauth-" + sample + ".expected.json").toFile());
        assertThat(JSON.readTree(JSON.writeValueAsString(answer))).isEqualTo(expected);
    }

    @Test
    void an_answer_that_is_not_json_has_no_known_outcome_or_a_bad_date_is_refused_in_words() {
        Path mapping = ZENITH.resolve("preauth-answer.jsonata");

        assertThatThrownBy(() -> zenith.answer(mapping, "<html>gateway error</html>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("it is not JSON");
        assertThatThrownBy(() -> zenith.answer(mapping, "{\"authRequestId\":\"PA-1\",\"decision\":\"MAYBE\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'MAYBE' is none of approved");
        assertThatThrownBy(() -> zenith.answer(mapping, "{\"authRequestId\":\"PA-1\",\"decision\":\"APPROVED\",\"expires\":\"soon\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validUntil 'soon' is not a date");
    }
}
