package com.hmoexchange.hub.responses;

import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 835 of {@link X12ResponseTests} (a claim paid in full, one denied as the provider's loss, one part-paid
 * with the patient's co-payment on one line and a contractual cut on the other, no line control numbers)
 * as the CSV and FHIR payers send it, over their own channels: the claim then shows what the patient owes
 * in the payer's words, line by line, whatever the format.
 */
class PayerSplitChannelsTests extends ApiTest {

    static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);


    Api billing;
    Api operator;

    @BeforeEach
    void practiceAndOperator() {
        billing = as(fixtures.practice().billing());
        String name = fixtures.operator();
        operator = as(name);
    }

    @Test
    void a_spreadsheet_remittance_with_a_byte_order_mark_and_crlf_puts_on_the_patient_only_the_payers_pr_amounts() {
        String paid = delivered("harmony-care", "CONS-GP");              // 5,000
        String denied = delivered("harmony-care", "CONS-GP", "LAB-MP");  // 7,000, denied as filed too late (CO-29)
        String part = delivered("harmony-care", "CONS-GP", "LAB-MP");    // 7,000: co-payment on one line, contractual cut on the other
        String reference = Fixtures.unique("HCI-PAY");
        // As a spreadsheet program saves it: a UTF-8 byte-order mark, CRLF line ends and a trailing empty line.
        String rows = String.join("\r\n",
                "PAYMENT_REF,PAYMENT_DATE,PAYMENT_TOTAL,CLAIM_REF,LINE_NO,BILLED,PAID,PATIENT_OWES,REASON_CODE,REASON",
                reference + ",2026-11-21,9000.00," + paid + ",,5000.00,5000.00,,,",
                reference + ",2026-11-21,9000.00," + denied + ",,7000.00,0.00,0.00,CO-29,Filed too late",
                reference + ",2026-11-21,9000.00," + part + ",1,5000.00,3500.00,1500.00,PR-3,Co-payment",
                reference + ",2026-11-21,9000.00," + part + ",2,2000.00,500.00,,CO-45,\"Agreed fee, lab tests\"",
                "", "");
        SFTP.drop(Fixtures.unique("remit-excel") + ".csv", "\uFEFF" + rows);

        JsonNode p = await().atMost(Duration.ofSeconds(20)).until(() -> claim(part),
                c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(p.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(p.at("/balance/approved").decimalValue()).isEqualByComparingTo("4000");
        assertThat(p.at("/balance/paid").decimalValue()).isEqualByComparingTo("4000");
        assertThat(p.at("/balance/patientShareBasis").asText()).isEqualTo("PAYER");
        assertThat(p.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/balance/contractualAdjustment").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/balance/otherAdjustments").decimalValue()).isEqualByComparingTo("0");
        assertThat(p.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/lines/0/approvedAmount").decimalValue()).isEqualByComparingTo("3500");
        assertThat(p.at("/lines/0/patientResponsibility").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/lines/0/payerReasons").asText()).isEqualTo("PR-3 1500.00: co-payment (patient's to pay)");
        assertThat(p.at("/lines/1/approvedAmount").decimalValue()).isEqualByComparingTo("500");
        assertThat(p.at("/lines/1/patientResponsibility").decimalValue()).isEqualByComparingTo("0");
        assertThat(p.at("/lines/1/contractualAdjustment").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/lines/1/payerReasons").asText())
                .isEqualTo("CO-45 1500.00: charge exceeds the fee schedule or agreed fee (contractual)");

        JsonNode d = await().atMost(Duration.ofSeconds(20)).until(() -> claim(denied), c -> "REJECTED".equals(c.get("status").asText()));
        assertThat(d.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("0");
        assertThat(d.at("/balance/contractualAdjustment").decimalValue()).isEqualByComparingTo("7000");
        assertThat(d.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(d.get("decisionReasons").asText()).contains("CO-29 7000.00: filed too late");

        JsonNode a = await().atMost(Duration.ofSeconds(20)).until(() -> claim(paid), c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(a.get("status").asText()).isEqualTo("APPROVED");
        assertThat(a.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void a_fhir_bundle_by_email_puts_on_the_patient_the_copay_and_deductible_and_posts_the_payment() throws Exception {
        String paid = delivered("crestline-health", "CONS-GP");              // 5,000
        String denied = delivered("crestline-health", "CONS-GP", "LAB-MP");  // 7,000, denied: nothing on the patient
        String part = delivered("crestline-health", "CONS-GP", "LAB-MP");    // 7,000: co-payment on one line, a cut on the other
        String payment = Fixtures.unique("CRS-PAY");
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                 {"resource": {"resourceType": "ClaimResponse", "id": "cr-paid", "status": "active", "use": "claim",
                   "outcome": "complete", "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%1$s"}},
                   "item": [{"itemSequence": 1, "adjudication": [
                     {"category": {"coding": [{"code": "benefit"}]}, "amount": {"value": 5000, "currency": "NGN"}}]}]}},
                 {"resource": {"resourceType": "ClaimResponse", "id": "cr-denied", "status": "active", "use": "claim",
                   "outcome": "error", "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%2$s"}},
                   "disposition": "Filed too late",
                   "error": [{"code": {"coding": [{"code": "29", "display": "filed too late"}]}}],
                   "total": [{"category": {"coding": [{"code": "memberliability"}]}, "amount": {"value": 0, "currency": "NGN"}}]}},
                 {"resource": {"resourceType": "ClaimResponse", "id": "cr-part", "status": "active", "use": "claim",
                   "outcome": "complete", "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%3$s"}},
                   "item": [
                    {"itemSequence": 1, "adjudication": [
                      {"category": {"coding": [{"code": "benefit"}]}, "amount": {"value": 3500, "currency": "NGN"}},
                      {"category": {"coding": [{"code": "copay"}]}, "amount": {"value": 1500, "currency": "NGN"},
                       "reason": {"coding": [{"code": "3", "display": "co-payment"}]}}]},
                    {"itemSequence": 2, "adjudication": [
                      {"category": {"coding": [{"code": "benefit"}]}, "amount": {"value": 500, "currency": "NGN"},
                       "reason": {"coding": [{"code": "45", "display": "agreed fee"}]}}]}],
                   "total": [{"category": {"coding": [{"code": "copay"}]}, "amount": {"value": 1500, "currency": "NGN"}}]}},
                 {"resource": {"resourceType": "PaymentReconciliation", "id": "pay-1", "status": "active",
                   "created": "2026-11-21", "paymentDate": "2026-11-21",
                   "paymentIdentifier": {"value": "%4$s"}, "paymentAmount": {"value": 9000, "currency": "NGN"},
                   "detail": [
                    {"type": {"coding": [{"code": "payment"}]}, "amount": {"value": 5000, "currency": "NGN"},
                     "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%1$s"}}},
                    {"type": {"coding": [{"code": "payment"}]}, "amount": {"value": 4000, "currency": "NGN"},
                     "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%3$s"}}}]}}]}
                """.formatted(paid, denied, part, payment);
        TestMail.sendAttachment("adjudication@crestline.test", PayerSandboxes.CRESTLINE_ANSWERS, "Remittance " + payment,
                "remittance.fhir.json", "application/fhir+json", bundle);

        JsonNode p = await().atMost(Duration.ofSeconds(20)).until(() -> claim(part),
                c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(p.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(p.at("/balance/approved").decimalValue()).isEqualByComparingTo("4000");
        assertThat(p.at("/balance/paid").decimalValue()).isEqualByComparingTo("4000");
        assertThat(p.at("/balance/patientShareBasis").asText()).isEqualTo("PAYER");
        assertThat(p.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("1500");
        // FHIR R4 has no category for a contractual write-off: what is neither paid nor the patient's is "other".
        assertThat(p.at("/balance/contractualAdjustment").decimalValue()).isEqualByComparingTo("0");
        assertThat(p.at("/balance/otherAdjustments").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/lines/0/approvedAmount").decimalValue()).isEqualByComparingTo("3500");
        assertThat(p.at("/lines/0/patientResponsibility").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/lines/0/payerReasons").asText()).isEqualTo("3: co-payment");
        assertThat(p.at("/lines/1/approvedAmount").decimalValue()).isEqualByComparingTo("500");
        assertThat(p.at("/lines/1/payerReasons").asText()).isEqualTo("45: agreed fee");

        JsonNode d = await().atMost(Duration.ofSeconds(20)).until(() -> claim(denied), c -> "REJECTED".equals(c.get("status").asText()));
        assertThat(d.at("/balance/patientShareBasis").asText()).isEqualTo("PAYER");
        assertThat(d.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("0");
        assertThat(d.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(d.get("decisionReasons").asText()).contains("filed too late");

        JsonNode a = await().atMost(Duration.ofSeconds(20)).until(() -> claim(paid), c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(a.get("status").asText()).isEqualTo("APPROVED");
        assertThat(a.at("/payments/0/reference").asText()).isEqualTo(payment);
        assertThat(operator.get("/api/exceptions?status=OPEN&payer=crestline-health").json().findValuesAsText("claimNumber"))
                .doesNotContain(paid, denied, part);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String delivered(String payer, String... codes) {
        Enrollee patient = fixtures.enrollee(payer);
        JsonNode claim = draft(billing, visit(billing, patient, codes));
        if (payer.equals("harmony-care")) {
            Api.Response attached = billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf", PDF,
                    "type", "REFERRAL_LETTER");
            assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        }
        return submitAndAwaitDelivery(billing, claim).get("claimNumber").asText();
    }

    private JsonNode claim(String claimNumber) {
        long id = billing.get("/api/claims?claimNumber=" + claimNumber).json().at("/items/0/id").asLong();
        return billing.get("/api/claims/" + id).json();
    }
}
