package com.hmoexchange.hub.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.PracticeApiTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A practice looks up, sees and bills only members of payers it has a contract with (issue 14, item 2). */
class ContractEnforcementTests extends PracticeApiTest {

    @Autowired
    Contracts contracts;

    @Test
    void a_member_of_a_payer_without_a_current_contract_is_not_looked_up() {
        endAcmeContractOn(LocalDate.now().minusDays(1));

        Api.Response refused = billing.get("/api/enrollees/" + patient.getEnrolleeNumber());

        assertNoContract(refused);
        assertThat(refused.text()).doesNotContain(patient.getFirstName());
    }

    @Test
    void a_visit_of_a_member_of_a_payer_without_a_contract_on_that_day_is_refused_and_not_recorded() {
        endAcmeContractOn(LocalDate.now().minusDays(3));

        Api.Response refused = billing.post("/api/visits", Map.of("enrolleeNumber", patient.getEnrolleeNumber(),
                "encounterDate", LocalDate.now().minusDays(1).toString(), "externalRef", "no-contract-1",
                "services", List.of(Map.of("code", "CONS-GP", "description", "GP", "quantity", 1))));

        assertNoContract(refused);
        assertThat(billing.get("/api/visits?enrolleeNumber=" + patient.getEnrolleeNumber()).json()).isEmpty();
    }

    @Test
    void a_claim_for_a_visit_after_the_contract_ended_is_not_drafted() {
        JsonNode visit = visit(billing, patient, "CONS-GP");
        endAcmeContractOn(LocalDate.now().minusDays(2));

        Api.Response refused = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                "services", List.of(Map.of("visitServiceId", serviceIds(visit).get(0))), "diagnoses", List.of("B54")));

        assertNoContract(refused);
        assertThat(billing.get("/api/claims").text()).doesNotContain("\"visitId\":" + visit.get("id").asLong());
    }

    @Test
    void a_draft_is_not_submitted_once_the_payer_has_no_contract_for_the_day_of_care() {
        JsonNode claim = draft(billing, visit(billing, patient, "CONS-GP"));
        endAcmeContractOn(LocalDate.now().minusDays(2));

        Api.Response refused = billing.post(claimPath(claim) + "/submit", "");
        Api.Response inBulk = billing.post("/api/claims/submissions", Map.of("claimIds", List.of(claim.get("id").asLong())));

        assertNoContract(refused);
        assertThat(inBulk.text()).contains("no-current-contract");
        assertThat(billing.get(claimPath(claim)).json().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void a_claim_for_care_given_while_the_contract_ran_is_still_submitted_after_it_ended() {
        JsonNode claim = draft(billing, visit(billing, patient, "CONS-GP"));
        endAcmeContractOn(LocalDate.now().minusDays(1));

        Api.Response submitted = billing.post(claimPath(claim) + "/submit", "");

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    }

    private void endAcmeContractOn(LocalDate lastDay) {
        long acme = fixtures.payer("acme-hmo").getId();
        Contract contract = contracts.current(practice.provider().getId(), acme, LocalDate.now()).orElseThrow();
        contracts.endAfter(contract.getId(), lastDay);
    }

    private static void assertNoContract(Api.Response refused) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("no-current-contract");
        assertThat(refused.json().get("detail").asText())
                .contains("no current contract between Clinic ").contains("Acme").contains("platform administrator");
    }
}
