package com.hmoexchange.hub.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.organisations.Contract;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.FhirEligibilityPayer;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.web.Display;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Eligibility checks through the API on PostgreSQL: answered from the hub's roster (Acme, Harmony) and by a real HTTP
 * server standing in for Crestline's FHIR endpoint, with its cache, its fall-back to the last known answer when the
 * payer is down, the record of each check, the audit entry, and who may see which checks.
 */
class EligibilityApiTests extends ApiTest {

    private static final FhirEligibilityPayer CRESTLINE = PayerSandboxes.ELIGIBILITY;

    @Autowired
    Contracts contracts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EnrolleeRepository enrollees;

    private static Map<String, Object> body(Enrollee member, LocalDate date, String... codes) {
        Map<String, Object> body = new HashMap<>();
        body.put("enrolleeNumber", member.getEnrolleeNumber());
        body.put("date", date == null ? null : date.toString());
        body.put("serviceCodes", List.of(codes));
        return body;
    }

    private static JsonNode checked(Api api, Map<String, Object> body) {
        Api.Response response = api.post("/api/eligibility/checks", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void a_member_on_the_roster_is_covered_with_the_co_payment_of_the_services_asked_about() {
        Practice practice = fixtures.practice();
        Enrollee member = fixtures.enrollee("harmony-care");

        JsonNode check = checked(as(practice.billing()), body(member, null, "CONS-GP", "DRUG-ACT"));

        assertThat(check.get("outcome").asText()).isEqualTo("COVERED");
        assertThat(check.get("covered").asBoolean()).isTrue();
        assertThat(check.get("source").asText()).isEqualTo("local");
        assertThat(check.get("date").asText()).isEqualTo(LocalDate.now(EligibilityChecks.LAGOS).toString());
        assertThat(check.get("summary").asText()).isEqualTo("Covered on " + Display.dayOf(LocalDate.now(EligibilityChecks.LAGOS)) + ".")
                .as("a day in words, as pages show it").matches("Covered on \\d{1,2} [A-Z][a-z]{2,3} \\d{4}\\.");
        assertThat(check.get("services").findValuesAsText("code")).containsExactly("CONS-GP", "DRUG-ACT");
        assertThat(check.at("/services/0/needsPaCode").asBoolean()).isFalse();
        assertThat(check.at("/services/0/coPaymentPercent").isNull()).isTrue();
        assertThat(check.at("/services/1/coPaymentPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(check.at("/services/1/inWords").asText()).isEqualTo("DRUG-ACT: no PA code needed; the member pays 10 %");
    }

    @Test
    void a_payer_with_its_own_json_api_is_asked_through_its_jsonata_mappings() {
        Practice practice = fixtures.practice();
        Enrollee member = fixtures.enrollee("acme-hmo");
        int asked = PayerSandboxes.ACME_ELIGIBILITY.received().size();

        JsonNode check = checked(as(practice.billing()), body(member, null, "SURG-APP"));

        assertThat(check.get("source").asText()).isEqualTo("jsonata");
        assertThat(check.get("outcome").asText()).isEqualTo("COVERED");
        assertThat(check.get("plan").asText()).isEqualTo("Acme Gold");
        assertThat(check.get("coverEnd").asText()).isEqualTo("2026-12-31");
        assertThat(check.at("/benefits/0/remaining").decimalValue()).isEqualByComparingTo("288000");
        assertThat(check.at("/services/0/inWords").asText()).as("Acme's servicesNeedingCode")
                .isEqualTo("SURG-APP: needs a PA code from Acme Health HMO");
        assertThat(PayerSandboxes.ACME_ELIGIBILITY.received()).hasSize(asked + 1);
        assertThat(PayerSandboxes.ACME_ELIGIBILITY.received().get(asked)).contains("\"memberNo\":\"" + member.getEnrolleeNumber() + "\"")
                .contains("\"services\":[\"SURG-APP\"]");
    }

    @Test
    void cover_that_ended_or_has_not_started_is_an_answer_not_a_refusal() {
        Practice practice = fixtures.practice();
        LocalDate today = LocalDate.now(EligibilityChecks.LAGOS);
        Enrollee ended = fixtures.enrollee("harmony-care", today.minusYears(1), today.minusDays(10));
        Enrollee later = fixtures.enrollee("harmony-care", today.plusDays(5), null);
        Api billing = as(practice.billing());

        JsonNode endedCheck = checked(billing, body(ended, null));
        JsonNode laterCheck = checked(billing, body(later, null));
        JsonNode beforeItEnded = checked(billing, body(ended, today.minusDays(20)));

        assertThat(endedCheck.get("outcome").asText()).isEqualTo("NOT_COVERED");
        assertThat(endedCheck.get("summary").asText()).contains("cover ended on " + Display.dayOf(today.minusDays(10)));
        assertThat(laterCheck.get("outcome").asText()).isEqualTo("NOT_COVERED");
        assertThat(laterCheck.get("reason").asText()).isEqualTo("cover has not started: it starts on " + Display.dayOf(today.plusDays(5)));
        assertThat(beforeItEnded.get("outcome").asText()).isEqualTo("COVERED");
    }

    @Test
    void an_unknown_member_is_refused_naming_the_field_and_a_payer_without_a_contract_is_a_conflict_each_recorded_with_its_reason() {
        Practice practice = fixtures.practice();
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("acme-hmo");
        Contract acme = contracts.ofPractice(practice.provider().getId()).stream()
                .filter(c -> c.getPayerId() == member.getPayerId()).findFirst().orElseThrow();
        contracts.endAfter(acme.getId(), LocalDate.now(EligibilityChecks.LAGOS).minusDays(1));

        Api.Response unknown = billing.post("/api/eligibility/checks", Map.of("enrolleeNumber", "NOBODY-404"));
        Api.Response uncontracted = billing.post("/api/eligibility/checks", body(member, null));
        Enrollee harmony = fixtures.enrollee("harmony-care");
        Api.Response badCode = billing.post("/api/eligibility/checks", body(harmony, null, "DROP TABLE"));

        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("enrolleeNumber");
        assertThat(unknown.json().get("detail").asText()).contains("NOBODY-404");
        assertThat(uncontracted.status()).as(uncontracted.toString()).isEqualTo(409);
        assertThat(uncontracted.json().get("type").asText()).endsWith("no-current-contract");
        assertThat(badCode.status()).isEqualTo(422);
        assertThat(badCode.json().at("/errors/0/field").asText()).isEqualTo("serviceCodes");
        JsonNode refusedUncontracted = billing.get("/api/eligibility/checks?enrolleeNumber=" + member.getEnrolleeNumber()).json();
        assertThat(refusedUncontracted).as("recorded as refused, with the reason in words").hasSize(1);
        assertThat(refusedUncontracted.at("/0/outcome").asText()).isEqualTo("REFUSED");
        assertThat(refusedUncontracted.at("/0/covered").asBoolean()).isFalse();
        assertThat(refusedUncontracted.at("/0/payer").asText()).isEqualTo("acme-hmo");
        assertThat(refusedUncontracted.at("/0/summary").asText()).isEqualTo("Refused: the practice has no current contract with "
                + fixtures.payer("acme-hmo").getName() + " on " + Display.dayOf(LocalDate.now(EligibilityChecks.LAGOS)) + ".");
        JsonNode refusedUnknown = billing.get("/api/eligibility/checks?enrolleeNumber=NOBODY-404").json();
        assertThat(refusedUnknown).hasSize(1);
        assertThat(refusedUnknown.at("/0/outcome").asText()).isEqualTo("REFUSED");
        assertThat(refusedUnknown.at("/0/payer").isNull()).isTrue();
        assertThat(refusedUnknown.at("/0/reason").asText()).isEqualTo("no member has this enrollee number on any HMO's roster in the hub");
        assertThat(as(fixtures.hmoAdmin("acme-hmo")).get("/api/eligibility/checks/" + refusedUncontracted.at("/0/id").asLong())
                .status()).as("the member's HMO sees the refused look-up of its member").isEqualTo(200);
        assertThat(billing.get("/api/eligibility/checks?enrolleeNumber=" + harmony.getEnrolleeNumber())
                .json()).as("a malformed service code is an input error, not a check").isEmpty();
        assertThat(jdbc.queryForList("select detail from audit_entry where object_id = ? order by id", String.class,
                member.getEnrolleeNumber())).containsExactly("eligibility check: not contracted");
    }

    @Test
    void each_check_is_recorded_audited_counted_and_seen_only_by_the_practice_and_the_members_hmo() {
        Practice practice = fixtures.practice();
        Practice other = fixtures.practice();
        Enrollee member = fixtures.enrollee("harmony-care");
        double before = counted("harmony-care", "local", "COVERED", "fresh");

        JsonNode check = checked(as(practice.billing()), body(member, null, "CONS-GP"));

        JsonNode recent = as(practice.billing()).get("/api/eligibility/checks?enrolleeNumber=" + member.getEnrolleeNumber()).json();
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).get("id").asLong()).isEqualTo(check.get("id").asLong());
        assertThat(recent.get(0).get("checkedBy").asText()).isEqualTo(practice.billing());
        assertThat(recent.get(0).get("fromCache").asBoolean()).isFalse();
        assertThat(jdbc.queryForMap("select provider_id, source, outcome, from_cache from eligibility_check where id = ?",
                check.get("id").asLong())).containsEntry("provider_id", practice.provider().getId()).containsEntry("source", "LOCAL")
                .containsEntry("outcome", "COVERED").containsEntry("from_cache", false);
        assertThat(jdbc.queryForList("select actor || ' ' || action || ' ' || detail from audit_entry where object_id = ?",
                String.class, member.getEnrolleeNumber()))
                .containsExactly(practice.billing() + " MEMBER_LOOKED_UP eligibility check: COVERED (local)");
        assertThat(counted("harmony-care", "local", "COVERED", "fresh")).isEqualTo(before + 1);

        String path = "/api/eligibility/checks/" + check.get("id").asLong();
        assertThat(as(other.billing()).get(path).status()).as("another practice").isEqualTo(404);
        assertThat(as(other.billing()).get("/api/eligibility/checks?enrolleeNumber=" + member.getEnrolleeNumber()).json()).isEmpty();
        assertThat(as(fixtures.hmoAdmin("harmony-care")).get(path).status()).as("the member's HMO").isEqualTo(200);
        assertThat(as(fixtures.hmoAdmin("acme-hmo")).get(path).status()).as("another HMO").isEqualTo(404);
        assertThat(as(fixtures.hmoAdmin("harmony-care")).post("/api/eligibility/checks", body(member, null)).status())
                .as("an HMO reads checks, a practice makes them").isEqualTo(403);
        assertThat(anonymous().get("/api/eligibility/checks").status()).isEqualTo(401);
    }

    @Test
    void a_fhir_payer_answers_over_http_and_its_answer_is_reused_while_fresh() {
        Practice practice = fixtures.practice();
        Enrollee member = fixtures.enrollee("crestline-health");
        Api billing = as(practice.billing());
        int asked = CRESTLINE.received().size();

        JsonNode first = checked(billing, body(member, null, "DRUG-ACT", "IMG-MRI"));
        JsonNode second = checked(billing, body(member, null, "img-mri", "drug-act"));

        assertThat(first.get("outcome").asText()).isEqualTo("COVERED");
        assertThat(first.get("source").asText()).isEqualTo("fhir");
        assertThat(first.get("plan").asText()).isEqualTo("Crestline Gold");
        assertThat(first.at("/benefits/0/name").asText()).isEqualTo("Outpatient care");
        assertThat(first.at("/benefits/0/remaining").decimalValue()).isEqualByComparingTo("455000.00");
        assertThat(first.get("fromCache").asBoolean()).isFalse();
        assertThat(first.at("/services/1/inWords").asText()).isEqualTo("IMG-MRI: needs a PA code from Crestline Health Plan");
        assertThat(CRESTLINE.received()).hasSize(asked + 1);
        String request = CRESTLINE.received().get(asked);
        assertThat(request).contains("CoverageEligibilityRequest").contains(member.getEnrolleeNumber()).contains("DRUG-ACT")
                .doesNotContain("Ngozi");
        assertThat(CRESTLINE.authorizations()).contains("Bearer " + FhirEligibilityPayer.TOKEN);
        assertThat(second.get("fromCache").asBoolean()).as("same member, day and services, in any order or case").isTrue();
        assertThat(second.get("outcome").asText()).isEqualTo("COVERED");
        assertThat(second.get("answeredAt").asText()).isEqualTo(first.get("answeredAt").asText());
        assertThat(second.get("summary").asText()).contains("reused");
        assertThat(CRESTLINE.received()).as("the payer was not asked again").hasSize(asked + 1);
    }

    @Test
    void a_member_the_fhir_payer_says_is_not_covered_gets_its_reason() {
        Enrollee nine = enrollees.save(Enrollee.principal(Fixtures.unique("CRL") + "9", fixtures.payer("crestline-health").getId(),
                "Ifeoma", "Obi", LocalDate.of(1988, 7, 21), LocalDate.now().minusYears(1), null, null));

        JsonNode check = checked(as(fixtures.practice().billing()), body(nine, null));

        assertThat(check.get("outcome").asText()).isEqualTo("NOT_COVERED");
        assertThat(check.get("summary").asText()).contains("premium unpaid");
    }

    @Test
    void when_the_payer_is_down_the_check_says_so_and_shows_the_last_known_answer_with_its_age() {
        Practice practice = fixtures.practice();
        Enrollee member = fixtures.enrollee("crestline-health");
        Enrollee neverAsked = fixtures.enrollee("crestline-health");
        Api billing = as(practice.billing());
        LocalDate today = LocalDate.now(EligibilityChecks.LAGOS);
        checked(billing, body(member, today.minusDays(1)));

        JsonNode stale;
        JsonNode none;
        CRESTLINE.status(503);
        try {
            stale = checked(billing, body(member, today, "CONS-GP"));
            none = checked(billing, body(neverAsked, today));
        } finally {
            CRESTLINE.status(200);
        }

        assertThat(stale.get("stale").asBoolean()).isTrue();
        assertThat(stale.get("payerProblem").asText()).isEqualTo("it answered HTTP 503");
        assertThat(stale.get("outcome").asText()).as("the last known answer's").isEqualTo("COVERED");
        assertThat(stale.get("answerAgeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(stale.get("summary").asText()).startsWith("Crestline Health Plan could not be reached (it answered HTTP 503). "
                + "Its last known answer, ").contains(" old: Covered");
        assertThat(none.get("outcome").asText()).isEqualTo("UNKNOWN");
        assertThat(none.get("covered").asBoolean()).isFalse();
        assertThat(none.get("summary").asText()).contains("no earlier answer");
        assertThat(jdbc.queryForObject("select payer_problem from eligibility_check where id = ?", String.class,
                none.get("id").asLong())).isEqualTo("it answered HTTP 503");
        JsonNode again = checked(billing, body(member, today, "CONS-GP"));
        assertThat(again.get("stale").asBoolean()).as("a stale answer is not the cache's").isFalse();
        assertThat(again.get("fromCache").asBoolean()).isFalse();
    }

    private double counted(String payer, String source, String outcome, String answer) {
        var counter = meters.find("hub.eligibility.checks").tags("payer", payer, "source", source, "outcome", outcome,
                "answer", answer).counter();
        return counter == null ? 0 : counter.count();
    }
}
