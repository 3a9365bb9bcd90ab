package com.hmoexchange.hub.enrollees;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.PracticeApiTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The front desk's look-up: number plus date of birth or surname, contracted payers only, each one recorded. */
class MemberLookupTests extends PracticeApiTest {

    @Autowired
    Contracts contracts;

    private Api.Response lookUp(Api api, Map<String, Object> body) {
        return api.post("/api/enrollees/lookups", body);
    }

    @Test
    void aMemberIsFoundByNumberAndDateOfBirthOrSurnameAndEachLookUpIsRecorded() {
        Api.Response byBirth = lookUp(billing, Map.of("enrolleeNumber", patient.getEnrolleeNumber(), "dateOfBirth", "1990-01-15"));
        assertThat(byBirth.status()).as(byBirth.toString()).isEqualTo(200);
        assertThat(byBirth.json().get("lastName").asText()).isEqualTo("Eze");
        assertThat(byBirth.json().get("coveredToday").asBoolean()).isTrue();

        Api.Response bySurname = lookUp(billing, Map.of("enrolleeNumber", patient.getEnrolleeNumber(), "surname", " EZE "));
        assertThat(bySurname.status()).as(bySurname.toString()).isEqualTo(200);

        Api.Response wrongBirth = lookUp(billing, Map.of("enrolleeNumber", patient.getEnrolleeNumber(), "dateOfBirth", "1991-01-15"));
        assertThat(wrongBirth.status()).isEqualTo(404);
        assertThat(wrongBirth.text()).doesNotContain("Ngozi");

        JsonNode record = as(fixtures.hmoAdmin("acme-hmo")).get("/api/hmo/member-lookups?enrolleeNumber=" + patient.getEnrolleeNumber()).json();
        assertThat(record).hasSize(2);
        assertThat(record.get(0).get("by").asText()).isEqualTo(practice.billing());
        assertThat(record.get(0).get("found").asBoolean()).isTrue();
    }

    @Test
    void aMemberOfAPayerWithoutACurrentContractIsRefusedWithTheReasonAndRecorded() {
        long contract = contracts.current(practice.provider().getId(), patient.getPayerId(), LocalDate.now()).orElseThrow().getId();
        contracts.endAfter(contract, LocalDate.now().minusDays(1));

        Api.Response refused = lookUp(billing, Map.of("enrolleeNumber", patient.getEnrolleeNumber(), "dateOfBirth", "1990-01-15"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("no-current-contract");
        assertThat(refused.text()).doesNotContain("Ngozi");

        JsonNode record = as(fixtures.hmoAdmin("acme-hmo")).get("/api/hmo/member-lookups?enrolleeNumber=" + patient.getEnrolleeNumber()).json();
        assertThat(record).hasSize(1);
        assertThat(record.get(0).get("found").asBoolean()).isFalse();
    }

    @Test
    void aLookUpNeedsTheDateOfBirthOrTheSurname() {
        Api.Response refused = lookUp(billing, Map.of("enrolleeNumber", patient.getEnrolleeNumber()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).isEqualTo("Give the member's date of birth or their surname (one of the two).");
    }
}
