package com.hmoexchange.hub.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.outbox.OutboxMessage;
import com.hmoexchange.hub.outbox.OutboxRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.PracticeApiTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Claims through the REST API, on PostgreSQL: lifecycle, pricing, double-billing guard, payments. */
class ClaimApiTests extends PracticeApiTest {

    @Autowired
    OutboxRepository outbox;


    @Test
    void a_claim_goes_from_draft_to_paid_with_its_history_and_balance() {
        JsonNode visit = visit(billing, patient, "CONS-GP", "LAB-MP", "DRUG-ACT");
        JsonNode draft = draft(billing, visit);
        String path = claimPath(draft);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.at("/balance/billed").decimalValue()).isEqualByComparingTo("11500.00");

        JsonNode delivered = submitAndAwaitDelivery(billing, draft);
        assertThat(delivered.get("status").asText()).as("Acme's API answered RECEIVED").isEqualTo("RECEIVED");
        JsonNode partial = billing.post(path + "/status", Map.of("status", "PARTIAL", "approvedAmount", 9500,
                "reason", "Drug course paid at 2500 by the HMO")).json();
        assertThat(partial.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(partial.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("2000.00");

        Api.Response first = billing.post(path + "/payments", Map.of("reference", "TRF-0001", "amount", 5000, "paidOn", "2026-11-01"));
        assertThat(first.json().get("paymentStatus").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(first.json().at("/balance/outstanding").decimalValue()).isEqualByComparingTo("6500.00");
        JsonNode paid = billing.post(path + "/payments", Map.of("reference", "TRF-0002", "amount", 4500)).json();

        assertThat(paid.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(paid.at("/balance/paid").decimalValue()).isEqualByComparingTo("9500.00");
        assertThat(paid.at("/balance/payerOutstanding").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(paid.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(paid.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("2000.00");
        JsonNode detail = billing.get(path).json();
        assertThat(detail.get("history").findValuesAsText("to"))
                .containsExactly("DRAFT", "SUBMITTED", "RECEIVED", "PARTIAL");
        assertThat(detail.get("history").get(3).get("by").asText()).isEqualTo(practice.billing());
        assertThat(detail.get("history").get(3).get("reason").asText()).contains("Drug course");
        assertThat(detail.get("payments").findValuesAsText("reference")).containsExactly("TRF-0001", "TRF-0002");
    }

    @Test
    void submitting_writes_one_outbox_row_with_the_claim_and_a_refused_submit_writes_none() {
        Enrollee lapsed = fixtures.enrollee("acme-hmo", LocalDate.now().minusYears(1), LocalDate.now().minusDays(10));
        JsonNode refused = draft(billing, visit(billing, lapsed, "CONS-GP"));
        Api.Response refusal = billing.post(claimPath(refused) + "/submit", "");
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.json().get("detail").asText()).contains("was not covered on");
        assertThat(outbox.findByAggregateTypeAndAggregateIdOrderByIdAsc("Claim", refused.get("claimNumber").asText())).isEmpty();

        JsonNode draft = draft(billing, visit(billing, patient, "CONS-GP"));
        billing.post(claimPath(draft) + "/submit", "");

        List<OutboxMessage> rows = outbox.findByAggregateTypeAndAggregateIdOrderByIdAsc("Claim", draft.get("claimNumber").asText());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getEventType()).isEqualTo("ClaimSubmitted");
        assertThat(rows.get(0).getPayload()).contains(draft.get("claimNumber").asText()).contains("5000.00");
        assertThat(rows.get(0).getPublishedAt()).isNull();
    }

    @Test
    void prices_come_from_the_tariff_in_force_on_the_service_date_and_overrides_need_a_reason() {
        fixtures.tariff(practice.provider(), fixtures.payer("acme-hmo"), "LAB-FBC", "Full blood count", "3000.00",
                LocalDate.now().minusYears(1), LocalDate.now().minusDays(30));
        fixtures.tariff(practice.provider(), fixtures.payer("acme-hmo"), "LAB-FBC", "Full blood count", "3500.00",
                LocalDate.now().minusDays(29), null);
        JsonNode draft = draft(billing, visit(billing, patient, "CONS-GP", "LAB-FBC"));
        assertThat(draft.get("lines").get(1).get("unitPrice").decimalValue()).isEqualByComparingTo("3500.00");

        Api.Response noReason = billing.put(claimPath(draft) + "/lines/2/price", Map.of("unitPrice", 3200));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");

        JsonNode overridden = billing.put(claimPath(draft) + "/lines/2/price",
                Map.of("unitPrice", 3200, "reason", "Agreed discount with HMO case manager")).json();
        JsonNode line = overridden.get("lines").get(1);
        assertThat(line.get("tariffPrice").decimalValue()).isEqualByComparingTo("3500.00");
        assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("3200.00");
        assertThat(line.get("overridden").asBoolean()).isTrue();
        assertThat(line.get("overriddenBy").asText()).isEqualTo(practice.billing());
        assertThat(overridden.at("/balance/billed").decimalValue()).isEqualByComparingTo("8200.00");
    }

    @Test
    void a_service_without_a_tariff_is_refused_unless_priced_by_hand_with_a_reason() {
        JsonNode visit = visit(billing, patient, "CONS-GP", "PHYSIO-30");
        List<Long> ids = serviceIds(visit);

        Api.Response refused = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                "services", List.of(Map.of("visitServiceId", ids.get(1))), "diagnoses", List.of("M54.5")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("No tariff for service PHYSIO-30");

        Api.Response priced = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                "services", List.of(Map.of("visitServiceId", ids.get(1), "unitPrice", 7000, "priceReason", "Not yet on tariff")),
                "diagnoses", List.of("M54.5")));
        assertThat(priced.status()).isEqualTo(201);
        assertThat(priced.json().get("lines").get(0).get("tariffPrice").isNull()).isTrue();
        assertThat(priced.json().at("/balance/billed").decimalValue()).isEqualByComparingTo("7000.00");
    }

    @Test
    void a_visit_service_cannot_sit_in_two_active_claims() {
        JsonNode visit = visit(billing, patient, "CONS-GP", "LAB-MP");
        List<Long> ids = serviceIds(visit);
        JsonNode first = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                "services", List.of(Map.of("visitServiceId", ids.get(0))), "diagnoses", List.of("B54"))).json();

        Api.Response second = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                "services", List.of(Map.of("visitServiceId", ids.get(0)), Map.of("visitServiceId", ids.get(1))),
                "diagnoses", List.of("B54")));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("service-already-claimed");
        assertThat(second.json().get("detail").asText()).contains(first.get("claimNumber").asText());

        Api.Response added = billing.post(claimPath(first) + "/lines", Map.of("services", List.of(Map.of("visitServiceId", ids.get(1)))));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("lines")).hasSize(2);
    }

    @Test
    void a_rejected_claim_is_resubmitted_as_a_new_claim_and_its_services_are_not_billed_afresh() {
        JsonNode visit = visit(billing, patient, "CONS-GP");
        JsonNode original = draft(billing, visit);
        String path = claimPath(original);
        submitAndAwaitDelivery(billing, original);
        billing.post(path + "/status", Map.of("status", "REJECTED", "reason", "Diagnosis does not support consultation"));

        Api.Response fresh = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                "services", List.of(Map.of("visitServiceId", serviceIds(visit).get(0))), "diagnoses", List.of("J06.9")));
        assertThat(fresh.status()).isEqualTo(409);
        assertThat(fresh.json().get("detail").asText()).contains("resubmit it");

        Api.Response resubmitted = billing.post(path + "/resubmission", Map.of());
        assertThat(resubmitted.status()).isEqualTo(201);
        JsonNode copy = resubmitted.json();
        assertThat(copy.get("resubmissionOf").asText()).isEqualTo(original.get("claimNumber").asText());
        assertThat(copy.get("status").asText()).isEqualTo("DRAFT");
        assertThat(billing.put(claimPath(copy) + "/details", Map.of("diagnoses", List.of("J06.9"))).status()).isEqualTo(200);
        JsonNode submitted = billing.post(claimPath(copy) + "/submit", "").json();
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("diagnoses").get(0).asText()).isEqualTo("J06.9");

        JsonNode originalNow = billing.get(path).json();
        assertThat(originalNow.get("status").asText()).isEqualTo("REJECTED");
        assertThat(originalNow.get("resubmittedAs").asText()).isEqualTo(copy.get("claimNumber").asText());
        assertThat(billing.post(path + "/resubmission", Map.of()).json().get("code").asText()).isEqualTo("already-resubmitted");
    }

    @Test
    void going_backwards_is_refused_with_a_reason_a_person_can_act_on() {
        JsonNode claim = draft(billing, visit(billing, patient, "CONS-GP"));
        String path = claimPath(claim);
        submitAndAwaitDelivery(billing, claim);
        billing.post(path + "/status", Map.of("status", "IN_REVIEW", "reason", "Phoned the HMO"));

        Api.Response back = billing.post(path + "/status", Map.of("status", "RECEIVED", "reason", "typo"));

        assertThat(back.status()).isEqualTo(409);
        assertThat(back.header("Content-Type")).startsWith("application/problem+json");
        assertThat(back.json().get("code").asText()).isEqualTo("status-backwards");
        assertThat(back.json().get("detail").asText()).contains("is IN_REVIEW and cannot move back");
    }

    @Test
    void the_same_payment_twice_is_refused_and_counted_once() {
        JsonNode claim = draft(billing, visit(billing, patient, "CONS-GP"));
        String path = claimPath(claim);
        submitAndAwaitDelivery(billing, claim);
        billing.post(path + "/status", Map.of("status", "APPROVED", "reason", "Approval email from HMO"));
        billing.post(path + "/payments", Map.of("reference", "CHQ-77", "amount", 5000));

        Api.Response again = billing.post(path + "/payments", Map.of("reference", "CHQ-77", "amount", 5000));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("duplicate-payment");

        JsonNode over = billing.post(path + "/payments", Map.of("reference", "CHQ-78", "amount", 100)).json();
        assertThat(over.get("paymentStatus").asText()).isEqualTo("OVERPAID");
        assertThat(over.at("/balance/overpaidBy").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(over.at("/balance/paid").decimalValue()).isEqualByComparingTo("5100.00");
    }

    @Test
    void a_change_made_on_a_stale_version_is_refused() {
        JsonNode claim = draft(billing, visit(billing, patient, "CONS-GP", "LAB-MP"));
        String path = claimPath(claim);
        Api.Response read = billing.get(path);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.json().get("version").asLong() + "\"");
        billing.put(path + "/details", Map.of("diagnoses", List.of("B50.9")));

        Api.Response stale = billing.postWithHeader(path + "/submit", "", "If-Match", etag);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("detail").asText()).contains("changed since you loaded it");
        assertThat(billing.get(path).json().get("status").asText()).isEqualTo("DRAFT");
        String fresh = billing.get(path).header("ETag");
        assertThat(billing.postWithHeader(path + "/submit", "", "If-Match", fresh).status()).isEqualTo(200);
    }

    @Test
    void claims_are_listed_and_filtered_by_status_payer_patient_reference_and_staleness() {
        Enrollee other = fixtures.enrollee("harmony-care");
        JsonNode visit = visit(billing, patient, "CONS-GP");
        JsonNode mine = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                "services", List.of(Map.of("visitServiceId", serviceIds(visit).get(0))), "diagnoses", List.of("B54"),
                "providerReference", "INV-2026-0042")).json();
        JsonNode theirs = draft(billing, visit(billing, other, "LAB-MP"));
        billing.upload(claimPath(theirs) + "/attachments", "referral.pdf", "application/pdf",
                "%PDF-1.4 referral".getBytes(), "type", "REFERRAL_LETTER");
        assertThat(billing.post(claimPath(theirs) + "/submit", "").status()).isEqualTo(200);

        assertThat(list("?status=DRAFT")).containsExactly(mine.get("claimNumber").asText());
        assertThat(list("?status=SUBMITTED&status=DRAFT")).hasSize(2);
        assertThat(list("?payer=harmony-care")).containsExactly(theirs.get("claimNumber").asText());
        assertThat(list("?patient=" + patient.getEnrolleeNumber())).containsExactly(mine.get("claimNumber").asText());
        assertThat(list("?providerReference=INV-2026-0042")).containsExactly(mine.get("claimNumber").asText());
        assertThat(list("?from=" + LocalDate.now().plusDays(2))).isEmpty();
        assertThat(list("?stale=true")).isEmpty();
        assertThat(list("?stale=false")).hasSize(2);
        Api.Response badStatus = billing.get("/api/claims?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("detail").asText()).contains("status");
    }

    @Test
    void a_draft_can_be_deleted_but_a_submitted_claim_cannot() {
        JsonNode draft = draft(billing, visit(billing, patient, "CONS-GP"));
        assertThat(billing.delete(claimPath(draft)).status()).isEqualTo(204);
        assertThat(billing.get(claimPath(draft)).status()).isEqualTo(404);

        JsonNode submitted = draft(billing, visit(billing, patient, "CONS-GP"));
        billing.post(claimPath(submitted) + "/submit", "");
        assertThat(billing.delete(claimPath(submitted)).status()).isEqualTo(409);
    }

    private List<String> list(String query) {
        Api.Response response = billing.get("/api/claims" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").findValuesAsText("claimNumber");
    }
}
