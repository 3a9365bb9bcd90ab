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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of item the hub cannot apply by itself, produced by a document a payer drops on its SFTP server
 * and what an operator then finds in the exceptions list (the unknown claim and the backward move have
 * their own tests in {@link PayerResponseTests} and {@link X12ResponseTests}), and a FHIR payment naming no claim
 * mailed by the FHIR payer.
 */
class PayerExceptionKindsTests extends ApiTest {

    static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final String STATUS_HEADER = "CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n";
    static final String REMITTANCE_HEADER = "PAYMENT_REF,PAYMENT_DATE,PAYMENT_TOTAL,CLAIM_REF,BILLED,PAID,REASON_CODE,REASON\n";


    Api billing;
    Api operator;

    @BeforeEach
    void practiceAndOperator() {
        billing = as(fixtures.practice().billing());
        String name = fixtures.operator();
        operator = as(name);
    }

    @Test
    void a_remittance_charging_another_amount_than_the_hub_billed_is_not_posted_and_waits_as_an_amount_mismatch() {
        String mismatched = delivered("harmony-care", "CONS-GP"); // billed 5,000
        String paid = delivered("harmony-care", "CONS-GP");
        String reference = Fixtures.unique("HCI-PAY");
        SFTP.drop(Fixtures.unique("remit-mismatch") + ".csv", REMITTANCE_HEADER
                + reference + ",2026-11-21,9000.00," + mismatched + ",4000.00,4000.00,,\n"
                + reference + ",2026-11-21,9000.00," + paid + ",5000.00,5000.00,,\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> claim(paid), c -> "PAID".equals(c.get("paymentStatus").asText()));
        JsonNode exception = await().atMost(Duration.ofSeconds(10)).until(() -> openException(mismatched), e -> e != null);
        assertThat(exception.get("kind").asText()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(exception.get("paymentReference").asText()).isEqualTo(reference);
        assertThat(exception.get("detail").asText()).contains("charged 4000").contains("billed 5000").contains("not posted");
        JsonNode untouched = claim(mismatched);
        assertThat(untouched.get("payments")).isEmpty();
        assertThat(untouched.get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void a_second_payment_of_a_paid_claim_makes_it_over_paid_and_puts_the_over_payment_on_the_list() {
        String claimNumber = delivered("harmony-care", "CONS-GP"); // 5,000
        String first = Fixtures.unique("HCI-PAY");
        SFTP.drop(Fixtures.unique("remit-first") + ".csv", REMITTANCE_HEADER
                + first + ",2026-11-21,5000.00," + claimNumber + ",5000.00,5000.00,,\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> claim(claimNumber), c -> "PAID".equals(c.get("paymentStatus").asText()));

        // The payer pays the same claim again under a new payment reference.
        String second = Fixtures.unique("HCI-PAY");
        SFTP.drop(Fixtures.unique("remit-again") + ".csv", REMITTANCE_HEADER
                + second + ",2026-11-28,5000.00," + claimNumber + ",5000.00,5000.00,,\n");

        JsonNode overpaid = await().atMost(Duration.ofSeconds(20)).until(() -> claim(claimNumber),
                c -> "OVERPAID".equals(c.get("paymentStatus").asText()));
        assertThat(overpaid.at("/balance/paid").decimalValue()).isEqualByComparingTo("10000");
        JsonNode exception = await().atMost(Duration.ofSeconds(10)).until(() -> openException(claimNumber), e -> e != null);
        assertThat(exception.get("kind").asText()).isEqualTo("OVERPAYMENT");
        assertThat(exception.get("paymentReference").asText()).isEqualTo(second);
        assertThat(exception.get("detail").asText()).contains("over-paid by 5000");
        assertThat(billing.get("/api/notifications").json().findValuesAsText("kind")).contains("CLAIM_OVERPAID");
    }

    @Test
    void a_payment_on_a_claim_the_payer_rejected_is_not_posted_and_waits_as_not_payable() {
        String rejected = delivered("harmony-care", "CONS-GP");
        SFTP.drop(Fixtures.unique("decline") + ".csv", STATUS_HEADER + rejected + ",HCI-7,DECLINED,,,,R07,No referral letter on file\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> claim(rejected), c -> "REJECTED".equals(c.get("status").asText()));

        String reference = Fixtures.unique("HCI-PAY");
        SFTP.drop(Fixtures.unique("remit-rejected") + ".csv", REMITTANCE_HEADER
                + reference + ",2026-11-21,5000.00," + rejected + ",5000.00,5000.00,,\n");

        List<JsonNode> exceptions = await().atMost(Duration.ofSeconds(20)).until(() -> openExceptions(rejected),
                found -> found.stream().anyMatch(e -> "CLAIM_NOT_PAYABLE".equals(e.get("kind").asText())));
        // The payment contradicts the decision (kept as it was) and cannot be posted on a rejected claim.
        assertThat(exceptions).extracting(e -> e.get("kind").asText()).containsExactlyInAnyOrder("DECISION_DIFFERS", "CLAIM_NOT_PAYABLE");
        JsonNode notPayable = exceptions.stream().filter(e -> "CLAIM_NOT_PAYABLE".equals(e.get("kind").asText())).findFirst().orElseThrow();
        assertThat(notPayable.get("detail").asText()).contains("REJECTED").contains("cannot take a payment");
        assertThat(notPayable.get("amount").decimalValue()).isEqualByComparingTo("5000");
        JsonNode claim = claim(rejected);
        assertThat(claim.get("status").asText()).isEqualTo("REJECTED");
        assertThat(claim.get("payments")).isEmpty();
    }

    @Test
    void a_999_naming_a_transaction_set_the_hub_never_sent_waits_as_an_unmatched_acknowledgement() {
        String unknownSet = "%09d".formatted(900_000_000 + (System.nanoTime() % 99_999_999));
        String controlNumber = Fixtures.unique("999");
        SFTP.drop(SFTP.zenithResponses(), controlNumber + ".x12", interchange(unknownSet, List.of(
                "AK1*HC*" + Long.parseLong(unknownSet) + "*005010X222A1", "AK2*837*" + unknownSet + "*005010X222A1",
                "IK5*A", "AK9*A*1*1*1")));

        JsonNode exception = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode e : operator.get("/api/exceptions?status=OPEN&payer=zenith-care").json()) {
                if ("UNMATCHED_ACKNOWLEDGEMENT".equals(e.get("kind").asText()) && e.get("detail").asText().contains(unknownSet)) {
                    return e;
                }
            }
            return null;
        }, e -> e != null);
        assertThat(exception.get("detail").asText()).contains("accepted transaction set " + unknownSet)
                .contains("which no claim sent by the hub carried");
        assertThat(exception.get("itemType").asText()).isEqualTo("ACKNOWLEDGEMENT");
    }

    @Test
    void a_fhir_payment_naming_no_claim_is_kept_in_the_balance_and_waits_as_claim_not_named() throws Exception {
        String paid = delivered("crestline-health", "CONS-GP"); // 5,000
        String payment = Fixtures.unique("CRS-PAY");
        String reconciliation = """
                {"resourceType": "PaymentReconciliation", "id": "pay-unnamed", "status": "active", "created": "2026-11-21",
                 "paymentDate": "2026-11-21", "paymentIdentifier": {"value": "%s"}, "paymentAmount": {"value": 7500, "currency": "NGN"},
                 "detail": [
                  {"type": {"coding": [{"code": "payment"}]}, "amount": {"value": 5000, "currency": "NGN"},
                   "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%s"}}},
                  {"type": {"coding": [{"code": "payment"}]}, "identifier": {"value": "CRS-LINE-9"},
                   "amount": {"value": 2500, "currency": "NGN"}}]}
                """.formatted(payment, paid);
        TestMail.sendAttachment("adjudication@crestline.test", PayerSandboxes.CRESTLINE_ANSWERS, "Remittance " + payment,
                "remittance.fhir.json", "application/fhir+json", reconciliation);

        await().atMost(Duration.ofSeconds(30)).until(() -> claim(paid), c -> "PAID".equals(c.get("paymentStatus").asText()));
        JsonNode exception = await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode e : operator.get("/api/exceptions?status=OPEN&payer=crestline-health").json()) {
                if (payment.equals(e.path("paymentReference").asText())) {
                    return e;
                }
            }
            return null;
        }, e -> e != null);
        assertThat(exception.get("kind").asText()).isEqualTo("CLAIM_NOT_NAMED");
        assertThat(exception.get("amount").decimalValue()).isEqualByComparingTo("2500");
        assertThat(exception.get("detail").asText()).contains("without naming the claim it pays");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String delivered(String payer, String... codes) {
        Enrollee patient = fixtures.enrollee(payer);
        JsonNode claim = draft(billing, visit(billing, patient, codes));
        if (payer.equals("harmony-care")) { // Harmony takes a claim with its referral letter only
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

    private List<JsonNode> openExceptions(String claimNumber) {
        List<JsonNode> found = new ArrayList<>();
        operator.get("/api/exceptions?status=OPEN").json().forEach(e -> {
            if (claimNumber.equals(e.path("claimNumber").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    private JsonNode openException(String claimNumber) {
        List<JsonNode> found = openExceptions(claimNumber);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Zenith's 999 in one interchange, its counts and control numbers right. */
    private static String interchange(String control, List<String> body) {
        long number = Long.parseLong(control);
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*ZENITH-CARE    *ZZ*HMOHUB         *261121*0800*^*00501*"
                + "%09d".formatted(number) + "*0*P*:");
        segments.add("GS*FA*ZENITH-CARE*HMOHUB*20261121*0800*" + number + "*X*005010X231A1");
        segments.add("ST*999*0001*005010X231A1");
        segments.addAll(body);
        segments.add("SE*" + (body.size() + 2) + "*0001");
        segments.add("GE*1*" + number);
        segments.add("IEA*1*" + "%09d".formatted(number));
        return String.join("~\n", segments) + "~\n";
    }
}
