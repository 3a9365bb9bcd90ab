package com.hmoexchange.hub.preauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.TestMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pre-authorisation at the HMO's desk (Acme decides in the hub), through the API on PostgreSQL, with the emails on
 * the test mail server and NHIA's clock moved by passing it a later moment (nothing sleeps).
 */
class PreAuthApiTests extends ApiTest {

    @Autowired
    PreAuthClock preAuthClock;
    @Autowired
    PreAuthorisations preAuthorisations;
    @Autowired
    PreAuthorisationRepository requests;
    @Autowired
    ProviderRepository providers;
    @Autowired
    Contracts contracts;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    private Practice practice() {
        return PreAuthTestParts.practice(fixtures, providers);
    }

    private String billingEmail(Practice practice) {
        return providers.findById(practice.provider().getId()).orElseThrow().getBillingEmail();
    }

    private static Map<String, Object> body(Enrollee member, String urgency, Object... services) {
        return PreAuthTestParts.body(member, urgency, services);
    }

    private static Map<String, Object> service(String code, int quantity, String price) {
        return PreAuthTestParts.service(code, quantity, price);
    }

    private static JsonNode ask(Api api, Map<String, Object> body) {
        return PreAuthTestParts.ask(api, body);
    }

    @Test
    void the_practice_asks_the_hmo_approves_in_part_at_its_desk_and_both_sides_are_told() {
        Practice practice = practice();
        String hmo = fixtures.hmoAdminWithEmail("acme-hmo");
        Enrollee member = fixtures.enrollee("acme-hmo");
        Api billing = as(practice.billing());

        JsonNode made = ask(billing, body(member, "URGENT", service("SURG-APP", 1, "250000.00"), service("DRUG-ACT", 3, "4500.00")));

        String ref = made.get("reference").asText();
        assertThat(made.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(made.get("timeLeftSeconds").asLong()).isBetween(3500L, 3600L);
        assertThat(made.get("total").decimalValue()).isEqualByComparingTo("263500.00");
        TestMail.awaitMail(hmo, ref + " to decide");

        Api desk = as(hmo);
        JsonNode queue = desk.get("/api/hmo/preauthorisations").json();
        assertThat(queue.findValuesAsText("reference")).contains(ref);

        Api.Response approved = desk.post("/api/hmo/preauthorisations/" + ref + "/approve", Map.of("code", "ACME-" + ref,
                "validFrom", LocalDate.now().toString(), "validUntil", LocalDate.now().plusDays(14).toString(),
                "services", List.of(Map.of("position", 2, "quantity", 2, "amount", "9000.00"))));

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode seen = billing.get("/api/preauthorisations/" + ref).json();
        assertThat(seen.get("status").asText()).isEqualTo("PARTLY_APPROVED");
        assertThat(seen.get("code").asText()).isEqualTo("ACME-" + ref);
        assertThat(seen.at("/services/1/approvedQuantity").asInt()).isEqualTo(2);
        assertThat(seen.get("timeLeftSeconds").isNull()).isTrue();
        TestMail.Mail told = TestMail.awaitMail(billingEmail(practice), ref + " partly approved");
        assertThat(told.body()).contains("ACME-" + ref).contains("/billing/preauthorisations/" + ref)
                .as("the reference, never the member's name").doesNotContain(member.getLastName());
        assertThat(TestMail.awaitMail(hmo, ref + " to decide").body()).contains("/hmo/preauthorisations/" + ref)
                .doesNotContain(member.getLastName());
        assertThat(billing.get("/api/notifications").json().findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains(ref).contains("approved in part"));
        assertThat(desk.post("/api/hmo/preauthorisations/" + ref + "/decline", Map.of("reason", "changed my mind")).status())
                .as("decided once").isEqualTo(409);
    }

    @Test
    void another_hmo_or_practice_does_not_find_the_request_and_a_practice_cannot_use_the_desk() {
        Practice practice = practice();
        Enrollee member = fixtures.enrollee("acme-hmo");
        String ref = ask(as(practice.billing()), body(member, "ROUTINE", service("SURG-APP", 1, "250000.00")))
                .get("reference").asText();

        Api otherHmo = as(fixtures.hmoAdmin("crestline-health"));
        assertThat(otherHmo.get("/api/hmo/preauthorisations/" + ref).status()).isEqualTo(404);
        assertThat(otherHmo.post("/api/hmo/preauthorisations/" + ref + "/approve", Map.of("code", "X", "validFrom",
                LocalDate.now().toString(), "validUntil", LocalDate.now().toString())).status()).isEqualTo(404);
        assertThat(otherHmo.get("/api/hmo/preauthorisations").json().findValuesAsText("reference")).doesNotContain(ref);
        assertThat(as(practice().billing()).get("/api/preauthorisations/" + ref).status()).isEqualTo(404);
        assertThat(as(practice.billing()).get("/api/hmo/preauthorisations").status()).isEqualTo(403);
        assertThat(as(fixtures.hmoAdmin("acme-hmo")).get("/api/hmo/preauthorisations/" + ref).json().get("status").asText())
                .isEqualTo("REQUESTED");
    }

    @Test
    void an_unknown_member_an_uncontracted_payer_or_expired_cover_is_refused_and_nothing_is_kept() {
        Practice practice = practice();
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("acme-hmo");

        Api.Response unknown = billing.post("/api/preauthorisations", Map.of("enrolleeNumber", "NOBODY-1", "urgency", "ROUTINE",
                "services", List.of(service("SURG-APP", 1, "1.00")), "diagnoses", List.of("K35.8")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).contains("NOBODY-1");

        Enrollee lapsed = fixtures.enrollee("acme-hmo", LocalDate.now().minusYears(2), LocalDate.now().minusDays(3));
        Api.Response expired = billing.post("/api/preauthorisations", body(lapsed, "ROUTINE", service("SURG-APP", 1, "1.00")));
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.json().get("detail").asText()).contains("not covered today");

        long contract = contracts.current(practice.provider().getId(), member.getPayerId(), LocalDate.now()).orElseThrow().getId();
        contracts.endAfter(contract, LocalDate.now().minusDays(1));
        Api.Response uncontracted = billing.post("/api/preauthorisations", body(member, "EMERGENCY", service("SURG-APP", 1, "1.00")));
        assertThat(uncontracted.status()).isEqualTo(409);
        assertThat(uncontracted.json().get("detail").asText()).contains("no current contract");

        Api.Response noService = billing.post("/api/preauthorisations", Map.of("enrolleeNumber", member.getEnrolleeNumber(),
                "urgency", "ROUTINE", "services", List.of(), "diagnoses", List.of("K35.8")));
        assertThat(noService.status()).isEqualTo(400);
        assertThat(billing.get("/api/preauthorisations").json()).isEmpty();
    }

    @Test
    void the_clock_reminds_the_hmo_then_deems_the_request_authorised_with_the_hubs_code_and_the_hmo_liable() {
        Practice practice = practice();
        String hmo = fixtures.hmoAdminWithEmail("acme-hmo");
        Api billing = as(practice.billing());
        String ref = ask(billing, body(fixtures.enrollee("acme-hmo"), "ROUTINE", service("SURG-APP", 1, "250000.00")))
                .get("reference").asText();
        Instant start = clock.instant();

        preAuthClock.tick(start.plus(Duration.ofMinutes(46)));

        JsonNode reminded = as(hmo).get("/api/hmo/preauthorisations/" + ref).json();
        assertThat(reminded.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(reminded.get("remindedAt").isNull()).isFalse();
        assertThat(TestMail.awaitMail(hmo, "Reminder: pre-authorisation " + ref).body()).contains("liable");

        preAuthClock.tick(start.plus(Duration.ofMinutes(61)));

        JsonNode deemed = billing.get("/api/preauthorisations/" + ref).json();
        assertThat(deemed.get("status").asText()).isEqualTo("DEEMED_AUTHORISED");
        assertThat(deemed.get("hmoLiable").asBoolean()).isTrue();
        assertThat(deemed.get("code").asText()).startsWith("HUB-DA-");
        assertThat(deemed.get("decidedBy").asText()).isEqualTo(PreAuthorisation.NHIA_RULE);
        assertThat(TestMail.awaitMail(billingEmail(practice), "Deemed authorised: " + deemed.get("code").asText()).body())
                .contains("the HMO is liable");
        JsonNode measures = as(hmo).get("/api/hmo/preauthorisations/measures").json();
        assertThat(measures.get("shareDeemed").asDouble()).isGreaterThan(0);
        assertThat(measures.get("decided").asInt()).isPositive();

        preAuthClock.tick(start.plus(Duration.ofMinutes(90)));
        assertThat(billing.get("/api/preauthorisations/" + ref).json().get("code")).as("deemed once").isEqualTo(deemed.get("code"));
    }

    @Test
    void the_measures_are_gauges_per_hmo_on_the_operators_scrape() {
        Api billing = as(practice().billing());
        String ref = ask(billing, body(fixtures.enrollee("acme-hmo"), "ROUTINE", service("SURG-APP", 1, "1.00"))).get("reference").asText();
        ask(billing, body(fixtures.enrollee("acme-hmo"), "ROUTINE", service("SURG-APP", 1, "1.00")));
        assertThat(as(fixtures.hmoAdmin("acme-hmo")).post("/api/hmo/preauthorisations/" + ref + "/decline",
                Map.of("reason", "not covered")).status()).isEqualTo(200);
        Api operator = as(fixtures.operator());

        String scraped = await().atMost(Duration.ofSeconds(60)).until(() -> operator.get("/actuator/prometheus").text(),
                // The gauges are read from a snapshot: wait for one taken after the two requests above.
                text -> text.contains("payer=\"acme-hmo\",quantile=\"0.9\"")
                        && java.util.regex.Pattern.compile("hub_preauth_waiting\\{application=\"[^\"]*\",payer=\"acme-hmo\"\\} [1-9]").matcher(text).find());

        String acme = "\\{application=\"[^\"]*\",payer=\"acme-hmo\"";
        assertThat(scraped).containsPattern("hub_preauth_decision_time_seconds" + acme + ",quantile=\"0.5\"\\} \\d")
                .containsPattern("hub_preauth_decision_time_seconds" + acme + ",quantile=\"0.9\"\\} \\d")
                .containsPattern("hub_preauth_approved_share" + acme + "\\} \\d").containsPattern("hub_preauth_deemed_share" + acme + "\\} \\d")
                .containsPattern("hub_preauth_waiting" + acme + "\\} [1-9]");
    }

    @Test
    void two_nodes_deeming_the_same_request_at_once_change_it_once() throws Exception {
        String ref = ask(as(practice().billing()), body(fixtures.enrollee("acme-hmo"), "ROUTINE", service("SURG-APP", 1, "1.00")))
                .get("reference").asText();
        long id = requests.findByReference(ref).orElseThrow().getId();
        Instant late = clock.instant().plus(Duration.ofMinutes(61));

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            PreAuthorisation mine = requests.findById(id).orElseThrow();
            // The other node deems it first and commits while this one still holds the old version.
            var other = Executors.newSingleThreadExecutor();
            try {
                assertThat(other.submit(() -> tx.execute(s -> preAuthorisations.deemIfDue(id, late))).get()).isTrue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                other.shutdown();
            }
            mine.deemIfDue("HUB-DA-SECOND", LocalDate.now(), Duration.ofDays(30), late);
            requests.flush();
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class);

        PreAuthorisation after = requests.findByReference(ref).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(PreAuthStatus.DEEMED_AUTHORISED);
        assertThat(after.getCode()).isNotEqualTo("HUB-DA-SECOND");
    }

    @Test
    void the_hmo_asks_for_more_and_the_practice_answers_on_the_same_request() {
        Practice practice = practice();
        String hmo = fixtures.hmoAdminWithEmail("acme-hmo");
        Api billing = as(practice.billing());
        String ref = ask(billing, body(fixtures.enrollee("acme-hmo"), "ROUTINE", service("SURG-APP", 1, "250000.00")))
                .get("reference").asText();

        Api.Response asked = as(hmo).post("/api/hmo/preauthorisations/" + ref + "/ask", Map.of("question", "Send the scan report"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(TestMail.awaitMail(billingEmail(practice), ref + ": the HMO asks").body()).contains("Send the scan report");
        assertThat(billing.get("/api/preauthorisations/" + ref).json().get("status").asText()).isEqualTo("MORE_INFO_ASKED");

        Api.Response answered = billing.post("/api/preauthorisations/" + ref + "/answer", Map.of("answer", "Inflamed appendix on scan"));

        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(answered.json().get("answer").asText()).isEqualTo("Inflamed appendix on scan");
        TestMail.awaitMail(hmo, ref + " answered");
        assertThat(billing.post("/api/preauthorisations/" + ref + "/answer", Map.of("answer", "again")).status()).isEqualTo(409);
    }

    @Test
    void an_emergency_proceeds_at_once_under_the_hubs_code_and_waits_on_the_desk_for_review() {
        Practice practice = practice();
        String hmo = fixtures.hmoAdminWithEmail("acme-hmo");
        JsonNode made = ask(as(practice.billing()), body(fixtures.enrollee("acme-hmo"), "EMERGENCY", service("ADM-WARD", 2, "30000.00")));
        String ref = made.get("reference").asText();

        assertThat(made.get("status").asText()).isEqualTo("EMERGENCY");
        assertThat(made.get("code").asText()).startsWith("HUB-EM-");
        assertThat(made.get("reviewNeeded").asBoolean()).isTrue();
        TestMail.awaitMail(hmo, "Emergency treated under " + made.get("code").asText());
        assertThat(as(hmo).get("/api/hmo/preauthorisations").json().findValuesAsText("reference")).contains(ref);

        assertThat(as(hmo).post("/api/hmo/preauthorisations/" + ref + "/reviewed", "").json().get("reviewNeeded").asBoolean()).isFalse();
        assertThat(as(hmo).get("/api/hmo/preauthorisations").json().findValuesAsText("reference")).doesNotContain(ref);
    }
}
