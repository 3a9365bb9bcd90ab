package com.hmoexchange.hub.visits;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.PracticeApiTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Visits arrive by REST: checked, recorded once, and listed for the practice that made them. */
class VisitApiTests extends PracticeApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;


    @Test
    void a_visit_is_recorded_with_its_services_and_listed_for_the_patient() {
        String day = LocalDate.now().minusDays(3).toString();
        Api.Response created = billing.post("/api/visits", Map.of("enrolleeNumber", patient.getEnrolleeNumber(),
                "encounterDate", day, "externalRef", "EMR-" + patient.getEnrolleeNumber(),
                "services", List.of(Map.of("code", "CONS-GP", "description", "Consultation", "quantity", 1),
                        Map.of("code", "LAB-MP", "description", "Malaria test", "quantity", 2))));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/visits/" + created.json().get("id").asLong());
        assertThat(created.json().get("services").findValuesAsText("serviceDate")).containsExactly(day, day);
        assertThat(billing.get("/api/visits?enrolleeNumber=" + patient.getEnrolleeNumber()).json())
                .hasSize(1).first().satisfies(v -> assertThat(v.get("patientName").asText()).isEqualTo("Ngozi Eze"));
    }

    @Test
    void the_same_external_reference_is_recorded_once() {
        Map<String, Object> visit = Map.of("enrolleeNumber", patient.getEnrolleeNumber(),
                "encounterDate", LocalDate.now().toString(), "externalRef", "EMR-DUP-" + patient.getEnrolleeNumber(),
                "services", List.of(Map.of("code", "CONS-GP", "description", "Consultation", "quantity", 1)));
        assertThat(billing.post("/api/visits", visit).status()).isEqualTo(201);

        Api.Response again = billing.post("/api/visits", visit);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("duplicate-visit");
    }

    @Test
    void an_unknown_enrollee_a_future_visit_or_a_service_outside_the_visit_is_refused() {
        Api.Response unknown = billing.post("/api/visits", Map.of("enrolleeNumber", "NOPE-1",
                "encounterDate", LocalDate.now().toString(),
                "services", List.of(Map.of("code", "CONS-GP", "description", "Consultation", "quantity", 1))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("enrolleeNumber");

        Api.Response future = billing.post("/api/visits", Map.of("enrolleeNumber", patient.getEnrolleeNumber(),
                "encounterDate", LocalDate.now().plusDays(1).toString(),
                "services", List.of(Map.of("code", "CONS-GP", "description", "Consultation", "quantity", 1))));
        assertThat(future.status()).isEqualTo(422);

        Api.Response outside = billing.post("/api/visits", Map.of("enrolleeNumber", patient.getEnrolleeNumber(),
                "encounterDate", LocalDate.now().minusDays(1).toString(),
                "services", List.of(Map.of("code", "CONS-GP", "description", "Consultation", "quantity", 1,
                        "serviceDate", LocalDate.now().minusDays(5).toString()))));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().get("detail").asText()).contains("outside the visit");
        assertThat(billing.get("/api/visits?enrolleeNumber=" + patient.getEnrolleeNumber()).json()).isEmpty();
    }

    @Test
    void an_enrollee_is_looked_up_with_todays_cover() {
        Api.Response found = billing.get("/api/enrollees/" + patient.getEnrolleeNumber());

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("payer").asText()).isEqualTo("acme-hmo");
        assertThat(found.json().get("coveredToday").asBoolean()).isTrue();
    }

    @Test
    void an_enrollee_number_with_slashes_is_looked_up_too() {
        Enrollee withSlashes = fixtures.enrollee("acme-hmo");
        String number = "ACM/" + withSlashes.getId() + "/0";
        jdbc.update("update enrollee set enrollee_number = ? where id = ?", number, withSlashes.getId());

        Api.Response found = billing.get("/api/enrollees/" + number);

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("enrolleeNumber").asText()).isEqualTo(number);
    }

    @Test
    void an_enrollee_number_with_encoded_slashes_is_refused_with_problem_details_saying_what_to_write() {
        Api.Response refused = billing.get("/api/enrollees/ACM%2F10001%2F0");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("address-rejected");
        assertThat(refused.json().get("detail").asText()).contains("/api/enrollees/ACM/10001/0");
    }
}
