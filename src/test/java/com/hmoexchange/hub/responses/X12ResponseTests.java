package com.hmoexchange.hub.responses;

import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The X12 payer (Zenith) answers a claim the hub sent as an 837P with X12 files on its SFTP server: a 999,
 * a 277CA and an 835. The files are written here as a payer would write them, for the claim at hand.
 */
class X12ResponseTests extends ApiTest {

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    Api billing;
    String operator;

    @BeforeEach
    void practice() {
        billing = as(fixtures.practice().billing());
        operator = Fixtures.unique("ops");
        users.save(AppUser.operator(operator, encoder.encode(Fixtures.PASSWORD)));
    }

    @Test
    void a_999_a_277ca_and_an_835_move_the_claim_to_received_in_review_then_partial_and_paid() {
        String number = delivered("CONS-GP", "LAB-MP"); // 5,000 + 2,000
        String set = number.substring(4);

        drop(number + ".999", interchange("FA", "005010X231A1", set, "999", List.of(
                "AK1*HC*" + Long.parseLong(set) + "*005010X222A1", "AK2*837*" + set + "*005010X222A1", "IK5*A",
                "AK9*A*1*1*1")));
        awaitStatus(number, "RECEIVED");

        drop(number + ".277", interchange("HN", "005010X214", set, "277", List.of(
                "BHT*0085*08*B1*20261121*0800*TH", "HL*1**20*1", "NM1*PR*2*ZENITH*****PI*ZENITH-CARE",
                "HL*2*1*21*1", "NM1*41*2*HUB*****46*HMOHUB", "HL*3*2*19*1", "NM1*85*2*CLINIC", "HL*4*3*PT",
                "NM1*QC*1*EZE*NGOZI", "TRN*2*" + number, "STC*A2:20*20261121*WQ*7000", "REF*1K*ZEN-77")));
        JsonNode inReview = awaitStatus(number, "IN_REVIEW");
        assertThat(inReview.at("/delivery/payerReference").asText()).isEqualTo("ZEN-77");

        drop(number + ".835", interchange("HP", "005010X221A1", set, "835", List.of(
                "BPR*I*4500*C*ACH*CCP*01*999999999*DA*1*1999999999**01*888888888*DA*2*20261121",
                "TRN*1*ZEN-PAY-" + set + "*1999999999", "N1*PR*ZENITH", "LX*1",
                "CLP*" + number + "*1*7000*4500**MC*ZEN-77",
                "SVC*HC:CONS-GP*5000*2500**1", "CAS*CO*45*2500", "REF*6R*1",
                "SVC*HC:LAB-MP*2000*2000**1", "REF*6R*2")));
        JsonNode paid = await().atMost(Duration.ofSeconds(20)).until(() -> claim(number),
                c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(paid.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(paid.at("/balance/approved").decimalValue()).isEqualByComparingTo("4500");
        assertThat(paid.at("/balance/paid").decimalValue()).isEqualByComparingTo("4500");
        assertThat(paid.at("/lines/0/approvedAmount").decimalValue()).isEqualByComparingTo("2500");
        assertThat(paid.at("/lines/0/payerReasons").asText())
                .isEqualTo("CO-45 2500: charge exceeds the fee schedule or agreed fee (contractual)");
        assertThat(paid.at("/lines/1/approvedAmount").decimalValue()).isEqualByComparingTo("2000");
    }

    @Test
    void an_835_without_line_numbers_puts_on_the_patient_only_what_the_payer_assigns_and_keeps_line_amounts_and_reasons() {
        String paid = delivered("CONS-GP");              // 5,000
        String denied = delivered("CONS-GP", "LAB-MP");  // 7,000, denied as filed too late (CO-29)
        String part = delivered("CONS-GP", "LAB-MP");    // 7,000: co-payment on one line, contractual cut on the other
        String odd = delivered("CONS-GP");               // 5,000, remitted with a service it did not bill
        String set = part.substring(4);

        drop(part + "-remit.835", interchange("HP", "005010X221A1", set, "835", List.of(
                "BPR*I*12000*C*ACH*CCP*01*999999999*DA*1*1999999999**01*888888888*DA*2*20261121",
                "TRN*1*ZEN-PAY-NOREF-" + set + "*1999999999", "N1*PR*ZENITH", "LX*1",
                "CLP*" + paid + "*1*5000*5000**MC*ZEN-P1", "SVC*HC:CONS-GP*5000*5000**1",
                "CLP*" + denied + "*4*7000*0**MC*ZEN-D1", "CAS*CO*29*7000",
                "SVC*HC:CONS-GP*5000*0**1", "SVC*HC:LAB-MP*2000*0**1",
                "CLP*" + part + "*1*7000*2000*1500*MC*ZEN-T1",
                "SVC*HC:LAB-MP*2000*500**1", "CAS*CO*45*1500",
                "SVC*HC:CONS-GP*5000*1500**1", "CAS*PR*3*1500", "CAS*OA*23*2000",
                "CLP*" + odd + "*1*5000*5000**MC*ZEN-O1", "SVC*HC:XRAY-CHEST*5000*5000**1")));

        JsonNode p = await().atMost(Duration.ofSeconds(20)).until(() -> claim(part),
                c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(p.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(p.at("/balance/approved").decimalValue()).isEqualByComparingTo("2000");
        assertThat(p.at("/balance/patientShareBasis").asText()).isEqualTo("PAYER");
        assertThat(p.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/balance/contractualAdjustment").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/balance/otherAdjustments").decimalValue()).isEqualByComparingTo("2000");
        assertThat(p.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("1500");
        // The lines are found by service code although the payer named them in another order and without REF*6R.
        assertThat(p.at("/lines/0/approvedAmount").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/lines/0/patientResponsibility").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/lines/0/payerReasons").asText()).contains("PR-3 1500: co-payment (patient's to pay)");
        assertThat(p.at("/lines/1/approvedAmount").decimalValue()).isEqualByComparingTo("500");
        assertThat(p.at("/lines/1/contractualAdjustment").decimalValue()).isEqualByComparingTo("1500");
        assertThat(p.at("/lines/1/patientResponsibility").decimalValue()).isEqualByComparingTo("0");
        assertThat(p.at("/lines/1/payerReasons").asText())
                .isEqualTo("CO-45 1500: charge exceeds the fee schedule or agreed fee (contractual)");

        JsonNode d = awaitStatus(denied, "REJECTED");
        assertThat(d.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("0");
        assertThat(d.at("/balance/contractualAdjustment").decimalValue()).isEqualByComparingTo("7000");
        assertThat(d.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(d.get("decisionReasons").asText()).contains("CO-29 7000: filed too late");

        JsonNode a = awaitStatus(paid, "APPROVED");
        assertThat(a.at("/balance/paid").decimalValue()).isEqualByComparingTo("5000");
        assertThat(a.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("0");
        assertThat(a.at("/lines/0/approvedAmount").decimalValue()).isEqualByComparingTo("5000");

        // A service the claim did not bill matches no line: it waits for a person; the claim's payment is posted.
        JsonNode o = await().atMost(Duration.ofSeconds(20)).until(() -> claim(odd),
                c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(o.get("status").asText()).isEqualTo("APPROVED");
        Api hmo = as(fixtures.hmoAdmin("zenith-care"));
        JsonNode unmatched = null;
        for (JsonNode e : hmo.get("/api/exceptions?status=OPEN").json()) {
            if (odd.equals(e.path("claimNumber").asText())) {
                unmatched = e;
            }
        }
        assertThat(unmatched).isNotNull();
        assertThat(unmatched.get("kind").asText()).isEqualTo("UNMATCHED_LINE");
        assertThat(unmatched.get("detail").asText()).contains("XRAY-CHEST").contains("no line with that service code");
    }

    @Test
    void a_999_that_rejects_the_set_rejects_the_claim_with_the_errors_found() {
        String number = delivered("CONS-GP");
        String set = number.substring(4);

        drop(number + ".999", interchange("FA", "005010X231A1", set, "999", List.of(
                "AK1*HC*" + Long.parseLong(set) + "*005010X222A1", "AK2*837*" + set + "*005010X222A1",
                "IK3*NM1*8*2010*8", "IK4*9*67*7*ZZ", "IK5*R*5", "AK9*R*1*1*0")));

        JsonNode rejected = awaitStatus(number, "REJECTED");
        assertThat(rejected.get("decisionReasons").asText()).contains("segment NM1", "invalid code value");
    }

    @Test
    void a_277ca_read_before_its_999_keeps_the_receipt_in_the_history_as_late_news_without_an_exception() {
        String number = delivered("CONS-GP");
        String set = number.substring(4);

        drop(number + ".277", claimAcknowledgement(number));
        awaitStatus(number, "IN_REVIEW");
        drop(number + ".999", accepted(set));

        JsonNode claim = await().atMost(Duration.ofSeconds(20)).until(() -> claim(number),
                c -> c.get("history").findValuesAsText("to").contains("RECEIVED"));
        assertThat(claim.get("status").asText()).isEqualTo("IN_REVIEW");
        JsonNode receipt = claim.get("history").get(claim.get("history").size() - 1);
        assertThat(receipt.get("to").asText()).isEqualTo("RECEIVED");
        assertThat(receipt.get("late").asBoolean()).isTrue();
        assertThat(receipt.get("reason").asText()).contains("999");
        assertThat(openExceptionsOf(number)).isEmpty();
    }

    @Test
    void a_277ca_that_would_reopen_a_decided_claim_goes_to_the_exceptions_list() {
        String number = delivered("CONS-GP");
        String set = number.substring(4);
        drop(number + ".999", interchange("FA", "005010X231A1", set, "999", List.of(
                "AK1*HC*" + Long.parseLong(set) + "*005010X222A1", "AK2*837*" + set + "*005010X222A1",
                "IK3*NM1*8*2010*8", "IK4*9*67*7*ZZ", "IK5*R*5", "AK9*R*1*1*0")));
        awaitStatus(number, "REJECTED");

        drop(number + ".277", claimAcknowledgement(number));

        List<JsonNode> exceptions = await().atMost(Duration.ofSeconds(20)).until(() -> openExceptionsOf(number),
                found -> !found.isEmpty());
        assertThat(exceptions).singleElement().satisfies(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("CLAIM_DECIDED");
            assertThat(e.get("detail").asText()).contains("REJECTED", "IN_REVIEW", "a decision is final");
        });
        assertThat(claim(number).get("status").asText()).isEqualTo("REJECTED");
    }

    /** Zenith's 277CA: the claim is accepted into adjudication (A2), so IN_REVIEW. */
    private static String claimAcknowledgement(String number) {
        return interchange("HN", "005010X214", number.substring(4), "277", List.of(
                "BHT*0085*08*B1*20261121*0800*TH", "HL*1**20*1", "NM1*PR*2*ZENITH*****PI*ZENITH-CARE",
                "HL*2*1*21*1", "NM1*41*2*HUB*****46*HMOHUB", "HL*3*2*19*1", "NM1*85*2*CLINIC", "HL*4*3*PT",
                "NM1*QC*1*EZE*NGOZI", "TRN*2*" + number, "STC*A2:20*20261121*WQ*7000", "REF*1K*ZEN-77"));
    }

    /** Zenith's 999 accepting the set the hub sent. */
    private static String accepted(String set) {
        return interchange("FA", "005010X231A1", set, "999", List.of(
                "AK1*HC*" + Long.parseLong(set) + "*005010X222A1", "AK2*837*" + set + "*005010X222A1", "IK5*A",
                "AK9*A*1*1*1"));
    }

    /** The open exceptions about the claim, as an operator sees them. */
    private List<JsonNode> openExceptionsOf(String claimNumber) {
        List<JsonNode> found = new ArrayList<>();
        as(operator).get("/api/exceptions?status=OPEN&payer=zenith-care").json().forEach(e -> {
            if (claimNumber.equals(e.path("claimNumber").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    private String delivered(String... codes) {
        Enrollee patient = fixtures.enrollee("zenith-care");
        JsonNode claim = draft(billing, visit(billing, patient, codes));
        return submitAndAwaitDelivery(billing, claim).get("claimNumber").asText();
    }

    private void drop(String name, String content) {
        SFTP.drop(SFTP.zenithResponses(), Fixtures.unique(name) + ".x12", content);
    }

    private JsonNode claim(String claimNumber) {
        long id = billing.get("/api/claims?claimNumber=" + claimNumber).json().at("/items/0/id").asLong();
        return billing.get("/api/claims/" + id).json();
    }

    private JsonNode awaitStatus(String claimNumber, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> claim(claimNumber), c -> status.equals(c.get("status").asText()));
    }

    /** One interchange with one transaction set, its counts and control numbers right. */
    private static String interchange(String group, String version, String control, String type, List<String> body) {
        long number = Long.parseLong(control);
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*ZENITH-CARE    *ZZ*HMOHUB         *261121*0800*^*00501*"
                + "%09d".formatted(number) + "*0*P*:");
        segments.add("GS*" + group + "*ZENITH-CARE*HMOHUB*20261121*0800*" + number + "*X*" + version);
        segments.add("ST*" + type + "*0001*" + version);
        segments.addAll(body);
        segments.add("SE*" + (body.size() + 2) + "*0001");
        segments.add("GE*1*" + number);
        segments.add("IEA*1*" + "%09d".formatted(number));
        return String.join("~\n", segments) + "~\n";
    }
}
