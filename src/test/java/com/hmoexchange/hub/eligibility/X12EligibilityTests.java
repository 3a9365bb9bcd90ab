package com.hmoexchange.hub.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.X12EligibilityPayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Eligibility over X12 (Zenith, {@code source: x12}): the 270 the hub writes equals its golden sample, each golden 271
 * reads as its expected answer (mappings/zenith-care/samples/; -Dhub.samples.regenerate=true rewrites the 270 sample),
 * and checks through the API against a real HTTP server standing in for Zenith's CAQH CORE endpoint: covered with
 * benefits, not covered, an AAA rejection, the payer down (last known answer with its age), and answers that cannot be
 * read (garbage, a 999 instead of a 271, a bad envelope), each recorded with nothing half-stored.
 */
class X12EligibilityTests extends ApiTest {

    private static final Path SAMPLES = Path.of("mappings/zenith-care/samples");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final X12EligibilityPayer ZENITH = PayerSandboxes.ZENITH_ELIGIBILITY;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void zenithBackUp() {
        ZENITH.status(200);
        ZENITH.answer("covered");
    }

    @Test
    void a_check_becomes_a_270_as_in_its_golden_sample() throws Exception {
        String actual = X12Eligibility.request(new PayerQuestion("EL-1", Instant.parse("2026-12-02T09:00:00Z"), "ZCA-40001",
                LocalDate.of(2026, 12, 2), List.of("CONS-GP", "IMG-MRI"), "lekki-family-clinic", "Lekki Family Clinic",
                "zenith-care", "Zenith Care Assurance"), "HMOHUB", "ZENITH-CARE");
        Path expected = SAMPLES.resolve("eligibility-270.out.x12");
        if (Boolean.getBoolean("hub.samples.regenerate")) {
            Files.writeString(expected, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(expected));
        assertThat(actual).contains("ST*270*0001*005010X279A1~").contains("TRN*1*EL-1*").contains("NM1*IL*1******MI*ZCA-40001~")
                .contains("DTP*291*D8*20261202~").contains("EQ**ZZ:IMG-MRI~");
    }

    @Test
    void a_check_without_services_asks_for_the_plan_coverage() {
        String x12 = X12Eligibility.request(new PayerQuestion("EL-2", Instant.parse("2026-12-02T09:00:00Z"), "ZCA-40001",
                LocalDate.of(2026, 12, 2), List.of(), "p", "P", "zenith-care", "Zenith"), "HMOHUB", "ZENITH-CARE");
        assertThat(x12).contains("EQ*30~").doesNotContain("EQ**");
    }

    @ParameterizedTest
    @ValueSource(strings = {"covered", "not-covered", "rejected"})
    void each_271_reads_as_in_its_golden_sample(String sample) throws Exception {
        CoverAnswer answer = X12Eligibility.answer(X12EligibilityPayer.sample(sample), "EL-1");

        assertThat(JSON.readTree(JSON.writeValueAsString(answer)))
                .isEqualTo(JSON.readTree(Files.readString(SAMPLES.resolve("eligibility-" + sample + ".expected.json"))));
    }

    @Test
    void a_271_that_cannot_be_used_counts_as_the_payer_not_answering_in_words() {
        String covered = X12EligibilityPayer.sample("covered");
        String ack999 = read(SAMPLES.resolve("accepted.response.x12"));

        assertThatThrownBy(() -> X12Eligibility.answer(covered, "EL-99")).isInstanceOf(PayerUnreachable.class)
                .hasMessage("its 271 is about another request (EL-1)");
        assertThatThrownBy(() -> X12Eligibility.answer(X12EligibilityPayer.sample("busy"), "EL-1"))
                .isInstanceOf(PayerUnreachable.class).hasMessage("it cannot answer at the moment");
        assertThatThrownBy(() -> X12Eligibility.answer(ack999, "EL-1")).isInstanceOf(PayerUnreachable.class)
                .hasMessage("it answered with an X12 999 acknowledgement instead of a 271");
        assertThatThrownBy(() -> X12Eligibility.answer("ISA*00*          *00*          *ZZ*ZENITH-CARE    *ZZ*HMOHUB         "
                + "*261202*0900*^*00501*000000001*0*P*:~TA1*000000001*261202*0900*R*022~IEA*0*000000001~", "EL-1"))
                .isInstanceOf(PayerUnreachable.class)
                .hasMessage("it answered with an X12 TA1 (interchange acknowledgement, rejecting the hub's interchange) instead of a 271");
        assertThatThrownBy(() -> X12Eligibility.answer("<html>gateway error</html>", "EL-1")).isInstanceOf(PayerUnreachable.class)
                .hasMessageStartingWith("its answer is not readable X12");
        assertThatThrownBy(() -> X12Eligibility.answer(covered.replace("SE*18*", "SE*17*"), "EL-1"))
                .isInstanceOf(PayerUnreachable.class).hasMessageStartingWith("its answer is not readable X12");
        assertThatThrownBy(() -> X12Eligibility.answer(covered.replace("EB*1**30**", "EB*X**30**").replace("EB*1**1***", "EB*X**1***"),
                "EL-1")).isInstanceOf(PayerUnreachable.class).hasMessageContaining("does not say whether the member is covered");
    }

    @Test
    void a_core_envelope_reads_back_as_written_and_a_payload_that_does_not_match_its_checksum_is_refused() {
        String x12 = X12EligibilityPayer.sample("covered");
        CoreEnvelope.Written written = new CoreEnvelope(CoreEnvelope.RESPONSE_271, "ZEN-1", Instant.parse("2026-12-02T09:00:01Z"),
                "ZENITH-CARE", "HMOHUB", CoreEnvelope.SUCCESS, "", x12).write();

        CoreEnvelope read = CoreEnvelope.read(written.contentType(), written.body());

        assertThat(written.contentType()).startsWith("multipart/form-data");
        assertThat(read.payloadType()).isEqualTo(CoreEnvelope.RESPONSE_271);
        assertThat(read.payloadId()).isEqualTo("ZEN-1");
        assertThat(read.timeStamp()).isEqualTo(Instant.parse("2026-12-02T09:00:01Z"));
        assertThat(read.senderId()).isEqualTo("ZENITH-CARE");
        assertThat(read.payload()).isEqualTo(x12);
        String tampered = new String(written.body(), java.nio.charset.StandardCharsets.UTF_8).replace("362500", "999999");
        assertThatThrownBy(() -> CoreEnvelope.read(written.contentType(), tampered.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(PayerUnreachable.class).hasMessage("its CORE envelope's Checksum does not match its Payload");
    }

    @Test
    void a_covered_member_is_answered_over_x12_in_a_core_envelope_with_benefits_co_insurance_and_authorisation_in_words() {
        Practice practice = fixtures.practice();
        Enrollee member = fixtures.enrollee("zenith-care");
        int asked = ZENITH.received().size();

        JsonNode check = checked(as(practice.billing()), member, "CONS-GP", "IMG-MRI");

        assertThat(check.get("source").asText()).isEqualTo("x12");
        assertThat(check.get("outcome").asText()).isEqualTo("COVERED");
        assertThat(check.get("plan").asText()).isEqualTo("ZENITH CLASSIC");
        assertThat(check.get("coverEnd").asText()).isEqualTo("2026-12-31");
        assertThat(check.at("/benefits/0/name").asText()).isEqualTo("Hospital outpatient");
        assertThat(check.at("/benefits/0/allowed").decimalValue()).isEqualByComparingTo("400000");
        assertThat(check.at("/benefits/0/used").decimalValue()).isEqualByComparingTo("37500");
        assertThat(check.at("/benefits/0/remaining").decimalValue()).isEqualByComparingTo("362500");
        assertThat(JSON.convertValue(check.get("payerNotes"), String[].class)).containsExactly(
                "Pharmacy: co-insurance 10 % paid by the member", "Professional (physician) visit: co-payment NGN 1,500.00 paid by "
                        + "the member", "IMG-MRI: needs the payer's authorisation first");
        assertThat(ZENITH.received()).hasSize(asked + 1);
        Map<String, String> envelope = ZENITH.received().get(asked);
        assertThat(envelope).containsEntry("PayloadType", "X12_270_Request_005010X279A1").containsEntry("ProcessingMode", "RealTime")
                .containsEntry("SenderID", "HMOHUB").containsEntry("ReceiverID", "ZENITH-CARE")
                .containsEntry("CORERuleVersion", "2.2.0").containsKeys("PayloadID", "TimeStamp", "Checksum", "PayloadLength");
        assertThat(envelope.get("Payload")).contains("ST*270*").contains("MI*" + member.getEnrolleeNumber() + "~")
                .contains("EQ**ZZ:CONS-GP~").doesNotContain("NGOZI");
        assertThat(envelope.get("PayloadLength")).isEqualTo(String.valueOf(envelope.get("Payload").length()));
        assertThat(ZENITH.authorizations()).contains("Bearer " + X12EligibilityPayer.TOKEN);
    }

    @Test
    void a_member_zenith_says_is_inactive_or_does_not_know_is_not_covered_with_the_reason_in_words() {
        Api billing = as(fixtures.practice().billing());
        Enrollee inactive = fixtures.enrollee("zenith-care");
        Enrollee unknown = fixtures.enrollee("zenith-care");

        ZENITH.answer("not-covered");
        JsonNode notCovered = checked(billing, inactive);
        ZENITH.answer("rejected");
        JsonNode rejected = checked(billing, unknown);

        assertThat(notCovered.get("outcome").asText()).isEqualTo("NOT_COVERED");
        assertThat(notCovered.get("reason").asText()).isEqualTo("the payer says the cover is inactive (the plan ended on 31 Dec 2025)");
        assertThat(rejected.get("outcome").asText()).isEqualTo("NOT_COVERED");
        assertThat(rejected.get("summary").asText()).contains("the payer has no member (subscriber) by this number");
        assertThat(rejected.get("stale").asBoolean()).isFalse();
    }

    @Test
    void when_zenith_is_down_or_busy_the_check_shows_the_last_known_answer_with_its_age() {
        Api billing = as(fixtures.practice().billing());
        Enrollee member = fixtures.enrollee("zenith-care");
        checked(billing, member, "CONS-GP");

        ZENITH.status(503);
        JsonNode down = checked(billing, member, "LAB-MP");
        ZENITH.status(200);
        ZENITH.answer("busy");
        JsonNode busy = checked(billing, member, "DRUG-ACT");

        assertThat(down.get("stale").asBoolean()).isTrue();
        assertThat(down.get("payerProblem").asText()).isEqualTo("it answered HTTP 503");
        assertThat(down.get("outcome").asText()).isEqualTo("COVERED");
        assertThat(down.get("answerAgeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(down.get("summary").asText()).startsWith("Zenith Care Assurance could not be reached (it answered HTTP 503). "
                + "Its last known answer, ").contains(" old: Covered");
        assertThat(busy.get("payerProblem").asText()).isEqualTo("it cannot answer at the moment");
        assertThat(busy.get("stale").asBoolean()).isTrue();
    }

    @Test
    void an_answer_that_cannot_be_read_is_said_in_words_and_nothing_of_it_is_stored() {
        Api billing = as(fixtures.practice().billing());
        Enrollee member = fixtures.enrollee("zenith-care");

        ZENITH.answerRaw(200, "text/html", "<html>gateway error</html>");
        JsonNode html = checked(billing, member);
        ZENITH.answerRaw(200, X12EligibilityPayer.boundaryContentType(), X12EligibilityPayer.envelope(Map.of(
                "PayloadType", "X12_271_Response_005010X279A1", "ErrorCode", "Success", "Payload", "not x12 at all")));
        JsonNode garbage = checked(billing, member);
        ZENITH.answerRaw(200, X12EligibilityPayer.boundaryContentType(), X12EligibilityPayer.envelope(Map.of(
                "PayloadType", "X12_999_Response_005010X231A1", "ErrorCode", "Success", "Payload",
                read(SAMPLES.resolve("accepted.response.x12")))));
        JsonNode ack = checked(billing, member);
        ZENITH.answerRaw(200, X12EligibilityPayer.boundaryContentType(), X12EligibilityPayer.envelope(Map.of(
                "PayloadType", "X12_271_Response_005010X279A1", "ErrorCode", "ReceiverIDNotAuthorized", "ErrorMessage",
                "unknown receiver", "Payload", "")));
        JsonNode refused = checked(billing, member);
        ZENITH.answerRaw(200, null, null);

        assertThat(html.get("payerProblem").asText())
                .isEqualTo("its answer is not a CORE envelope (multipart/form-data) but text/html");
        assertThat(garbage.get("payerProblem").asText()).startsWith("its answer is not readable X12");
        assertThat(ack.get("payerProblem").asText()).isEqualTo("it answered with an X12 999 acknowledgement instead of a 271");
        assertThat(refused.get("payerProblem").asText()).isEqualTo("its CORE envelope reports ReceiverIDNotAuthorized: unknown receiver");
        for (JsonNode check : List.of(html, garbage, ack, refused)) {
            assertThat(check.get("outcome").asText()).as("no earlier answer").isEqualTo("UNKNOWN");
            assertThat(check.get("summary").asText()).startsWith("Zenith Care Assurance could not be reached (");
            assertThat(jdbc.queryForMap("select answer, answered_at from eligibility_check where id = ?", check.get("id").asLong()))
                    .as("nothing of the answer kept").containsEntry("answer", null).containsEntry("answered_at", null);
        }
    }

    private static JsonNode checked(Api api, Enrollee member, String... codes) {
        Api.Response response = api.post("/api/eligibility/checks", Map.of("enrolleeNumber", member.getEnrolleeNumber(),
                "serviceCodes", List.of(codes)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
