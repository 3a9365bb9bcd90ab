package com.hmoexchange.hub.preauth;

import static com.hmoexchange.hub.preauth.PreAuthTestParts.ask;
import static com.hmoexchange.hub.preauth.PreAuthTestParts.body;
import static com.hmoexchange.hub.preauth.PreAuthTestParts.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.FhirPreAuthPayer;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.web.Display;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Claims carry the pre-authorisation code (issue 18, item 4 and the bad input of item 7): submitted through the API on
 * PostgreSQL, the claim is refused when a line needs a code and has none, when the code is another member's or
 * practice's, or past its validity; lines beyond the approval are refused (Acme, {@code checkApproved: refuse}) or let
 * through with a warning in the claim's history (Crestline, {@code warn}).
 */
class PreAuthCodeAtSubmitTests extends ApiTest {

    private static final LocalDate YESTERDAY = LocalDate.now().minusDays(1);

    @Autowired
    ProviderRepository providers;

    @AfterEach
    void payerApprovesAgain() {
        PayerSandboxes.PREAUTH.approveEverything();
    }

    private JsonNode visitOn(Api api, Enrollee patient, LocalDate day, String... codes) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (String code : codes) {
            services.add(Map.of("code", code, "description", "Service " + code, "quantity", 1));
        }
        Api.Response response = api.post("/api/visits", Map.of("enrolleeNumber", patient.getEnrolleeNumber(),
                "encounterDate", day.toString(), "services", services));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** A draft of every service of a visit of today, carrying the code (null: none). */
    private JsonNode draftWith(Api api, Enrollee patient, String code, String... services) {
        JsonNode visit = visitOn(api, patient, LocalDate.now(), services);
        Map<String, Object> claim = new java.util.HashMap<>(Map.of("visitId", visit.get("id").asLong(), "services",
                serviceIds(visit).stream().map(id -> Map.of("visitServiceId", id)).toList(), "diagnoses", List.of("K35.8")));
        if (code != null) {
            claim.put("paCode", code);
        }
        Api.Response response = api.post("/api/claims", claim);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** An Acme request for an appendicectomy, approved at the desk as given (null lines: in full). */
    private String approvedAtAcmeDesk(Api billing, Enrollee member, LocalDate from, LocalDate until, List<Map<String, Object>> lines) {
        String ref = ask(billing, body(member, "URGENT", service("SURG-APP", 1, PreAuthTestParts.SURGERY_PRICE)))
                .get("reference").asText();
        String code = "ACME-" + ref;
        Api.Response approved = as(fixtures.hmoAdmin("acme-hmo")).post("/api/hmo/preauthorisations/" + ref + "/approve",
                Map.of("code", code, "validFrom", from.toString(), "validUntil", until.toString(), "services", lines));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return code;
    }

    private static Api.Response submit(Api api, JsonNode claim) {
        return api.post(claimPath(claim) + "/submit", "");
    }

    @Test
    void a_line_needing_a_code_is_refused_without_one_or_with_one_the_hub_does_not_know_and_the_error_names_the_lines() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("acme-hmo");

        JsonNode without = draftWith(billing, member, null, "CONS-GP", "SURG-APP");
        Api.Response refused = submit(billing, without);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("line 2 needs a pre-authorisation code");
        assertThat(billing.get(claimPath(without)).json().get("status").asText()).as("nothing half-applied").isEqualTo("DRAFT");

        Api.Response unknown = submit(billing, draftWith(billing, member, "PHONED-IN-123", "SURG-APP"));
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().get("detail").asText()).contains("PHONED-IN-123 is not one the hub knows").contains("line 1");

        String code = approvedAtAcmeDesk(billing, member, YESTERDAY, LocalDate.now().plusDays(7), List.of());
        Api.Response carried = submit(billing, draftWith(billing, member, code, "CONS-GP", "SURG-APP"));
        assertThat(carried.status()).as(carried.toString()).isEqualTo(200);
        assertThat(carried.json().get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void a_code_given_for_another_member_or_to_another_practice_is_refused() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Practice other = PreAuthTestParts.practice(fixtures, providers);
        Enrollee member = fixtures.enrollee("acme-hmo");
        String code = approvedAtAcmeDesk(as(practice.billing()), member, YESTERDAY, LocalDate.now().plusDays(7), List.of());

        Api billing = as(practice.billing());
        Api.Response otherMember = submit(billing, draftWith(billing, fixtures.enrollee("acme-hmo"), code, "SURG-APP"));
        assertThat(otherMember.status()).isEqualTo(409);
        assertThat(otherMember.json().get("detail").asText()).contains(code + " was given for another member");

        Api otherBilling = as(other.billing());
        JsonNode elsewhere = draftWith(otherBilling, member, code, "SURG-APP");
        Api.Response otherPractice = submit(otherBilling, elsewhere);
        assertThat(otherPractice.status()).isEqualTo(409);
        assertThat(otherPractice.json().get("detail").asText()).contains(code + " was given to another practice")
                .doesNotContain("another member");
        assertThat(otherBilling.get(claimPath(elsewhere)).json().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void a_code_past_its_validity_is_refused_naming_the_lines_outside_it() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("acme-hmo");
        String code = approvedAtAcmeDesk(billing, member, LocalDate.now().minusDays(10), LocalDate.now().minusDays(2), List.of());

        Api.Response refused = submit(billing, draftWith(billing, member, code, "SURG-APP"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains(code + " is valid from " + Display.dayOf(LocalDate.now().minusDays(10))
                + " to " + Display.dayOf(LocalDate.now().minusDays(2)) + ", and line 1 falls outside it");
    }

    @Test
    void lines_beyond_the_approval_are_refused_where_the_payer_says_refuse() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("acme-hmo");
        String code = approvedAtAcmeDesk(billing, member, YESTERDAY, LocalDate.now().plusDays(7),
                List.of(Map.of("position", 1, "quantity", 1, "amount", "200000.00")));

        JsonNode claim = draftWith(billing, member, code, "SURG-APP");
        Api.Response refused = submit(billing, claim);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("line 1 (SURG-APP) bill 1 for 250000.00, beyond the 1 for "
                + "200000.00 approved under code " + code);
        assertThat(billing.get(claimPath(claim)).json().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void lines_beyond_the_approval_go_with_a_warning_in_the_history_where_the_payer_says_warn() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers, "crestline-health");
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("crestline-health");
        // Crestline approves the surgery over its channel, for 200,000 of the 250,000 asked.
        PayerSandboxes.PREAUTH.answerWith(claim -> {
            ClaimResponse approval = FhirPreAuthPayer.approval(claim, FhirPreAuthPayer.reference(claim), "CRL-W-" + claim.getIdElement().getIdPart());
            approval.setOutcome(ClaimResponse.RemittanceOutcome.PARTIAL);
            approval.getItemFirstRep().getAdjudicationFirstRep().setAmount(new Money().setValue(new BigDecimal("200000.00")).setCurrency("NGN"));
            return FhirPreAuthPayer.encode(approval);
        });
        String ref = ask(billing, body(member, "ROUTINE", service("SURG-APP", 1, PreAuthTestParts.SURGERY_PRICE))).get("reference").asText();
        JsonNode decided = await().atMost(Duration.ofSeconds(30)).until(() -> billing.get("/api/preauthorisations/" + ref).json(),
                p -> !"REQUESTED".equals(p.get("status").asText()));
        assertThat(decided.get("status").asText()).isEqualTo("PARTLY_APPROVED");
        String code = decided.get("code").asText();

        JsonNode claim = draftWith(billing, member, code, "SURG-APP");
        Api.Response submitted = submit(billing, claim);

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(billing.get(claimPath(claim)).json().get("history").findValuesAsText("reason"))
                .anySatisfy(r -> assertThat(r).startsWith("submitted with warnings").contains("beyond the 1 for 200000.00")
                        .contains(code));
    }
}
