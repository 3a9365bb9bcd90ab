package com.hmoexchange.hub.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** API tokens over real HTTP: made once and shown once, scoped, kept to their tenant, refused once revoked or expired. */
class ApiTokenTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    Practice practice;
    Enrollee patient;

    @BeforeEach
    void practiceWithPatient() {
        practice = fixtures.practice();
        patient = fixtures.enrollee("acme-hmo");
    }

    @Test
    void a_token_is_shown_once_and_only_its_digest_is_kept() {
        Api.Response made = as(practice.owner()).post("/api/tokens", Map.of("name", "practice-system",
                "scopes", List.of("claims:read"), "expiresInDays", 30));

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.header("Cache-Control")).isEqualTo("no-store");
        String token = made.json().get("token").asText();
        assertThat(token).startsWith("hubt_").hasSize(48);
        long id = made.json().at("/details/id").asLong();
        assertThat(made.json().at("/details/createdBy").asText()).isEqualTo(practice.owner());
        assertThat(made.json().at("/details/status").asText()).isEqualTo("ACTIVE");

        Api.Response listed = as(practice.admin()).get("/api/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).doesNotContain(token).contains("practice-system").contains(token.substring(0, 9));
        Map<String, Object> row = jdbc.queryForMap("select * from api_token where id = ?", id);
        assertThat(row.get("digest")).isEqualTo(sha256(token));
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(token.substring(9)));
    }

    @Test
    void a_practice_token_does_what_its_scopes_allow_and_is_refused_the_rest() {
        Api writer = Api.withToken(port, token(practice.owner(), "visits:write"));
        JsonNode visit = visit(writer, patient, "CONS-GP");
        Api.Response readVisits = writer.get("/api/visits");
        assertProblem(readVisits, 403, "token-scope");
        assertThat(readVisits.json().get("detail").asText()).contains("visits:read").contains("this token has visits:write");

        Api system = Api.withToken(port, token(practice.admin(), "visits:read", "claims:read", "claims:submit", "members:read"));
        assertThat(system.get("/api/visits/" + visit.get("id").asLong()).status()).isEqualTo(200);
        assertThat(system.get("/api/enrollees/" + patient.getEnrolleeNumber()).status()).isEqualTo(200);
        JsonNode claim = draft(system, visit);
        assertThat(claim.at("/history/0/by").asText()).isEqualTo("token visits-and-claims");
        Api.Response submitted = system.post(claimPath(claim) + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(system.get(claimPath(claim)).json().get("status").asText()).isNotEqualTo("DRAFT");
        assertThat(system.get("/api/claims").status()).isEqualTo(200);

        Api.Response payment = system.post(claimPath(claim) + "/payments", Map.of("reference", "X-1", "amount", 1));
        assertProblem(payment, 403, "token-scope");
        assertThat(payment.json().get("detail").asText()).contains("API tokens cannot be used for POST");
        assertProblem(system.get("/api/operations/dead-letters"), 403, "token-scope");
        assertProblem(system.get("/api/people"), 403, "token-scope");
        assertProblem(system.post("/api/tokens", Map.of("name", "another", "scopes", List.of("claims:read"),
                "expiresInDays", 1)), 403, "token-scope");
    }

    @Test
    void an_hmo_token_reads_and_decides_its_own_clients_requests() {
        ClientSetup acme = fixtures.client("acme-hmo");
        Api.Response made = as(acme.user()).post("/api/portal/requests", Map.of("kind", "EDIT_DETAILS",
                "enrolleeNumber", acme.child().getEnrolleeNumber(), "firstName", "Kemisola"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        long request = made.json().get("id").asLong();

        Api reader = Api.withToken(port, token(acme.hmoAdmin(), "requests:read", "members:read"));
        assertThat(reader.get("/api/hmo/requests/" + request).status()).isEqualTo(200);
        assertThat(reader.get("/api/enrollees/" + acme.principal().getEnrolleeNumber()).status()).isEqualTo(200);
        assertProblem(reader.post("/api/hmo/requests/" + request + "/approve", ""), 403, "token-scope");
        assertThat(as(acme.hmoAdmin()).get("/api/hmo/requests/" + request).json().get("status").asText()).isEqualTo("PENDING");

        Api decider = Api.withToken(port, token(acme.hmoAdmin(), "requests:decide"));
        Api.Response approved = decider.post("/api/hmo/requests/" + request + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");

        Api.Response practiceScope = as(acme.hmoAdmin()).post("/api/tokens", Map.of("name", "hmo-system",
                "scopes", List.of("claims:read"), "expiresInDays", 30));
        assertProblem(practiceScope, 422, null);
        assertThat(practiceScope.text()).contains("claims:read is for a practice's tokens");
    }

    @Test
    void a_token_never_reaches_past_its_practice_or_hmo() {
        JsonNode theirClaim = draft(as(practice.billing()), visit(as(practice.billing()), patient, "CONS-GP"));
        Practice other = fixtures.practice();
        Api otherSystem = Api.withToken(port, token(other.owner(), "claims:read", "claims:submit"));

        assertThat(otherSystem.get(claimPath(theirClaim)).status()).isEqualTo(404);
        assertThat(otherSystem.post(claimPath(theirClaim) + "/submit", "").status()).isEqualTo(404);
        assertThat(otherSystem.get("/api/claims").json().findValuesAsText("claimNumber"))
                .doesNotContain(theirClaim.get("claimNumber").asText());
        assertThat(as(practice.billing()).get(claimPath(theirClaim)).json().get("status").asText()).isEqualTo("DRAFT");

        ClientSetup acme = fixtures.client("acme-hmo");
        ClientSetup harmony = fixtures.client("harmony-care");
        Api.Response made = as(harmony.user()).post("/api/portal/requests", Map.of("kind", "EDIT_DETAILS",
                "enrolleeNumber", harmony.child().getEnrolleeNumber(), "firstName", "Kemisola"));
        Api acmeSystem = Api.withToken(port, token(acme.hmoAdmin(), "requests:read", "requests:decide"));
        assertThat(acmeSystem.get("/api/hmo/requests/" + made.json().get("id").asLong()).status()).isEqualTo(404);
        assertThat(acmeSystem.post("/api/hmo/requests/" + made.json().get("id").asLong() + "/approve", "").status()).isEqualTo(404);

        assertProblem(as(practice.billing()).post("/api/tokens", Map.of("name", "mine", "scopes", List.of("claims:read"),
                "expiresInDays", 30)), 403, null);
        assertProblem(as(fixtures.operator()).get("/api/tokens"), 403, null);
    }

    @Test
    void a_revoked_or_expired_token_is_refused_saying_so() {
        Api.Response made = as(practice.owner()).post("/api/tokens", Map.of("name", "old-system",
                "scopes", List.of("claims:read"), "expiresInDays", 30));
        long id = made.json().at("/details/id").asLong();
        Api system = Api.withToken(port, made.json().get("token").asText());
        assertThat(system.get("/api/claims").status()).isEqualTo(200);
        assertThat(as(practice.owner()).get("/api/tokens").json().get(0).get("lastUsedAt").isNull()).isFalse();

        assertThat(as(fixtures.practice().owner()).post("/api/tokens/" + id + "/revoke", "").status()).isEqualTo(404);
        assertThat(system.get("/api/claims").status()).isEqualTo(200);
        Api.Response revoked = as(practice.admin()).post("/api/tokens/" + id + "/revoke", "");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
        Api.Response refused = system.get("/api/claims");
        assertProblem(refused, 401, "token-refused");
        assertThat(refused.json().get("detail").asText()).contains("old-system").contains("revoked").contains(practice.admin())
                .as("when, in the hub's zone as pages say it").containsPattern("revoked on \\d{1,2} [A-Z][a-z]{2,3} \\d{4}, \\d{2}:\\d{2} WAT by");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");

        String expiring = token(practice.owner(), "claims:read");
        Api late = Api.withToken(port, expiring);
        assertThat(late.get("/api/claims").status()).isEqualTo(200);
        jdbc.update("update api_token set expires_at = created_at - interval '1' day where digest = ?", sha256(expiring));
        Api.Response expired = late.get("/api/claims");
        assertProblem(expired, 401, "token-refused");
        assertThat(expired.json().get("detail").asText()).containsPattern("expired on \\d{1,2} [A-Z][a-z]{2,3} \\d{4}, \\d{2}:\\d{2} WAT\\.");

        assertProblem(Api.withToken(port, "hubt_" + "A".repeat(43)).get("/api/claims"), 401, "token-refused");
        assertThat(Api.withToken(port, "not-a-token").get("/api/claims").json().get("detail").asText()).contains("hubt_");
    }

    @Test
    void a_token_needs_a_name_known_scopes_and_an_expiry_within_a_year() {
        Api owner = as(practice.owner());
        assertProblem(owner.post("/api/tokens", Map.of("name", "", "scopes", List.of("claims:read"), "expiresInDays", 30)), 422, null);
        Api.Response unknown = owner.post("/api/tokens", Map.of("name", "x", "scopes", List.of("claims:delete"), "expiresInDays", 30));
        assertProblem(unknown, 422, null);
        assertThat(unknown.text()).contains("claims:delete").contains("visits:write");
        assertProblem(owner.post("/api/tokens", Map.of("name", "x", "scopes", List.of("claims:read"), "expiresInDays", 400)), 422, null);
        assertThat(owner.get("/api/tokens").json()).isEmpty();
    }

    @Test
    void the_api_description_offers_tokens_and_basic() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();

        assertThat(docs.at("/components/securitySchemes/apiToken/scheme").asText()).isEqualTo("bearer");
        assertThat(docs.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(docs.get("security").toString()).contains("apiToken").contains("basicAuth");
    }

    private String token(String maker, String... scopes) {
        String name = scopes.length > 1 && List.of(scopes).contains("claims:submit") ? "visits-and-claims" : "system-" + scopes.length;
        Api.Response made = as(maker).post("/api/tokens", Map.of("name", name, "scopes", List.of(scopes), "expiresInDays", 7));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json().get("token").asText();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (code != null) {
            assertThat(response.json().get("code").asText()).isEqualTo(code);
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
