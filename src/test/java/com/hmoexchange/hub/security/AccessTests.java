package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may do what: sign-in, roles, the HMO module switch, and each practice seeing only its own data. */
class AccessTests extends ApiTest {

    @Test
    void health_and_the_api_description_are_open_and_everything_else_needs_sign_in() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        Api.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").has("/api/claims/{id}/submit")).isTrue();

        for (String path : new String[] {"/api/claims", "/api/visits", "/api/payers", "/api/enrollees/X", "/actuator/env"}) {
            Api.Response refused = anonymous().get(path);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.json().get("code").asText()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void demo_users_do_not_exist_outside_the_demo_profile() {
        assertThat(new Api(port, "lekki.billing", "hub-demo-2026").get("/api/claims").status()).isEqualTo(401);
    }

    @Test
    void a_wrong_password_is_refused() {
        Practice practice = fixtures.practice();

        Api.Response refused = new Api(port, practice.billing(), "not-" + Fixtures.PASSWORD).get("/api/claims");

        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void another_practices_claim_and_visit_are_not_found_and_cannot_be_touched() {
        Practice mine = fixtures.practice();
        Practice theirs = fixtures.practice();
        Enrollee patient = fixtures.enrollee("acme-hmo");
        JsonNode visit = visit(as(theirs.billing()), patient, "CONS-GP");
        JsonNode claim = draft(as(theirs.billing()), visit);
        Api intruder = as(mine.owner());

        assertThat(intruder.get(claimPath(claim)).status()).isEqualTo(404);
        assertThat(intruder.post(claimPath(claim) + "/submit", "").status()).isEqualTo(404);
        assertThat(intruder.delete(claimPath(claim)).status()).isEqualTo(404);
        assertThat(intruder.get("/api/visits/" + visit.get("id").asLong()).status()).isEqualTo(404);
        assertThat(intruder.get("/api/claims").json().get("totalItems").asLong()).isZero();
        Api.Response takeOver = intruder.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                "services", java.util.List.of(Map.of("visitServiceId", serviceIds(visit).get(0))), "diagnoses", java.util.List.of("B54")));
        assertThat(takeOver.status()).isEqualTo(422);
        assertThat(as(theirs.billing()).get(claimPath(claim)).json().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void an_hmo_admin_has_no_access_to_provider_claims() {
        String hmoAdmin = fixtures.hmoAdmin("acme-hmo");

        Api.Response refused = as(hmoAdmin).get("/api/claims");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("forbidden");
        assertThat(as(hmoAdmin).get("/api/payers").status()).isEqualTo(200);
    }

    @Test
    void an_hmo_admin_looks_up_only_its_own_enrollees() {
        Api acmeAdmin = as(fixtures.hmoAdmin("acme-hmo"));

        assertThat(acmeAdmin.get("/api/enrollees/" + fixtures.enrollee("acme-hmo").getEnrolleeNumber()).status()).isEqualTo(200);
        assertThat(acmeAdmin.get("/api/enrollees/" + fixtures.enrollee("harmony-care").getEnrolleeNumber()).status()).isEqualTo(404);
    }

    @Test
    void a_refused_sign_in_does_not_invite_the_browser_to_remember_a_password() {
        Api.Response refused = anonymous().get("/api/claims");

        assertThat(refused.header("WWW-Authenticate")).doesNotStartWith("Basic");
    }

    @Test
    void claims_need_the_practices_hmo_module_and_only_the_owner_switches_it() {
        Practice practice = fixtures.practice(false);

        Api.Response off = as(practice.billing()).get("/api/claims");
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.json().get("detail").asText()).contains("HMO module is switched off");

        assertThat(as(practice.admin()).put("/api/providers/me/hmo-module", Map.of("enabled", true)).status()).isEqualTo(403);
        Api.Response on = as(practice.owner()).put("/api/providers/me/hmo-module", Map.of("enabled", true));
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().get("hmoModule").asBoolean()).isTrue();
        assertThat(as(practice.billing()).get("/api/claims").status()).isEqualTo(200);
    }
}
