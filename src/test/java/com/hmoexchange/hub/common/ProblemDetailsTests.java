package com.hmoexchange.hub.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input is answered with RFC 9457 problem details that say what to fix, never with a 500. */
class ProblemDetailsTests extends ApiTest {

    Api billing;

    @BeforeEach
    void signIn() {
        billing = as(fixtures.practice().billing());
    }

    @Test
    void malformed_json_says_where_it_broke() {
        Api.Response response = billing.post("/api/claims", "{\"visitId\": 1, \"services\": [");

        assertProblem(response, 400, "malformed-body");
        assertThat(response.json().get("detail").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void a_body_too_large_is_refused_as_too_large_before_it_is_read_as_json() {
        StringBuilder ids = new StringBuilder("{\"claimIds\": [");
        while (ids.length() < 20 * 1024 * 1024) {
            ids.append("1234567,");
        }
        ids.append("1]}");
        Api.Response response = billing.post("/api/claims/submissions", ids.toString());

        // Refused on its length before it is read: not "not valid JSON", not a list too long (no timing here:
        // speed figures come from benchmarks, not from tests on a shared machine).
        assertProblem(response, 413, "body-too-large");
        assertThat(response.json().get("detail").asText()).contains("too large").contains("5 MB").doesNotContain("JSON");
    }

    @Test
    void a_long_list_under_the_body_limit_is_refused_at_its_own_limit_without_every_item_being_checked() {
        // About 4.5 MB, under the body limit: a million null ids, each of which used to be bound and reported
        // by the validator before the answer came (it took minutes).
        StringBuilder ids = new StringBuilder("{\"claimIds\": [");
        while (ids.length() < 4_500_000) {
            ids.append("null,");
        }
        ids.append("null]}");

        Api.Response response = billing.post("/api/claims/submissions", ids.toString());

        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().get("detail").asText())
                .isEqualTo("The list is too long: claimIds must list at most 500 claim ids; send the rest in another request.");
        assertThat(response.json().get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("field").asText()).isEqualTo("claimIds"));

        // A list of claim lines inside a claim: refused the same way, naming the field.
        StringBuilder services = new StringBuilder("{\"visitId\": 1, \"services\": [");
        while (services.length() < 4_500_000) {
            services.append("{},");
        }
        services.append("{}]}");
        Api.Response lines = billing.post("/api/claims", services.toString());
        assertProblem(lines, 400, "validation-failed");
        assertThat(lines.json().get("detail").asText()).isEqualTo("The list is too long: services must have at most 200 items.");
    }

    @Test
    void a_body_of_the_wrong_shape_says_what_it_should_be_in_json_words_not_java_types() {
        Api.Response list = billing.post("/api/claims", "[1, 2, 3]");
        assertProblem(list, 400, "malformed-body");
        assertThat(list.json().get("detail").asText()).contains("expected an object").doesNotContain("NewClaim")
                .doesNotContain("com.hmoexchange").doesNotContain("`");

        Api.Response field = billing.post("/api/claims", Map.of("visitId", 1, "services", Map.of("code", "CONS-GP")));
        assertProblem(field, 400, "malformed-body");
        assertThat(field.json().get("detail").asText()).isEqualTo("Field 'services' has the wrong shape: expected a list ([...]).");

        Api.Response number = billing.post("/api/claims", Map.of("visitId", "yesterday", "services", List.of()));
        assertProblem(number, 400, "malformed-body");
        assertThat(number.json().get("detail").asText())
                .isEqualTo("Field 'visitId' has value 'yesterday', which is not a valid whole number.");

        Api.Response parameter = billing.get("/api/claims/abc");
        assertThat(parameter.json().get("detail").asText()).isEqualTo("Parameter 'id' has value 'abc', which is not a valid whole number.");
    }

    @Test
    void missing_and_invalid_fields_are_each_named() {
        Api.Response response = billing.post("/api/claims", Map.of("services", List.of(), "diagnoses", List.of("banana")));

        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .contains("visitId", "services", "diagnoses[0]");
        assertThat(response.json().get("detail").asText()).contains("ICD-10");
    }

    @Test
    void an_unknown_field_is_refused_with_the_known_ones() {
        Api.Response response = billing.post("/api/claims", Map.of("visitId", 1, "servces", List.of()));

        assertProblem(response, 400, "malformed-body");
        assertThat(response.json().get("detail").asText()).contains("Unknown field 'servces'").contains("services");
    }

    @Test
    void a_value_of_the_wrong_kind_names_the_field_and_the_allowed_values() {
        Api.Response status = billing.post("/api/claims/1/status", Map.of("status", "PAID", "reason", "x"));
        assertProblem(status, 400, "malformed-body");
        assertThat(status.json().get("detail").asText()).contains("'status'").contains("APPROVED");

        Api.Response amount = billing.post("/api/claims/1/payments", Map.of("reference", "T1", "amount", "lots"));
        assertProblem(amount, 400, "malformed-body");
        assertThat(amount.json().get("detail").asText()).contains("'amount'");
    }

    @Test
    void a_path_parameter_of_the_wrong_type_is_a_bad_request() {
        Api.Response response = billing.get("/api/claims/abc");

        assertProblem(response, 400, "invalid-parameter");
    }

    @Test
    void an_unknown_claim_is_not_found() {
        Api.Response response = billing.get("/api/claims/987654321");

        assertProblem(response, 404, "not-found");
        assertThat(response.json().get("detail").asText()).isEqualTo("Claim 987654321 was not found");
    }

    @Test
    void a_wrong_content_type_gets_a_problem_too() {
        Api.Response response = billing.upload("/api/claims", "x.pdf", "application/pdf", new byte[] {1});

        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertThat(response.json().has("code")).as(response.toString()).isTrue();
        assertThat(response.json().get("code").asText()).isEqualTo("http-415");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("type").asText()).isEqualTo("urn:hmo-hub:problem:" + code);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
    }
}
