package com.hmoexchange.hub.responses;

import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.claims.StaleClaims;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.TestMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payers' answers arriving over real channels (files on the SFTP server, mail over IMAP, signed HTTP
 * callbacks) and what billing staff, HMO admins and operators then see: statuses with reasons, amounts
 * paid and left to the patient, the exceptions list, the quarantine, notices.
 */
class PayerResponseTests extends ApiTest {

    static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final String STATUS_HEADER = "CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n";
    static final String REMITTANCE_HEADER = "PAYMENT_REF,PAYMENT_DATE,PAYMENT_TOTAL,CLAIM_REF,BILLED,PAID,REASON_CODE,REASON\n";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaleClaims staleClaims;

    Fixtures.Practice practice;
    Api billing;
    Api operator;

    @BeforeEach
    void practiceAndOperator() {
        practice = fixtures.practice();
        billing = as(practice.billing());
        String operatorName = fixtures.operator();
        operator = as(operatorName);
    }

    @Test
    void a_status_csv_on_the_payers_sftp_server_moves_claims_with_their_reasons_and_lines() {
        String approved = delivered("harmony-care", "CONS-GP");
        String partial = delivered("harmony-care", "CONS-GP", "LAB-MP");
        String rejected = delivered("harmony-care", "CONS-GP");
        String name = Fixtures.unique("status") + ".csv";
        String content = STATUS_HEADER
                + approved + ",HCI-1,APPROVED,,,,,\n"
                + partial + ",HCI-2,PART_APPROVED,2,1,1000.00,T12,Malaria test paid at half\n"
                + rejected + ",HCI-3,DECLINED,,,,R07,No referral letter on file\n";
        SFTP.drop(name, content);

        JsonNode a = awaitStatus(approved, "APPROVED");
        assertThat(a.at("/balance/approved").decimalValue()).isEqualByComparingTo("5000");
        JsonNode p = awaitStatus(partial, "PARTIAL");
        assertThat(p.at("/balance/approved").decimalValue()).isEqualByComparingTo("6000");
        assertThat(p.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("1000");
        assertThat(p.at("/lines/1/approvedAmount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(p.at("/lines/1/payerReasons").asText()).isEqualTo("T12: Malaria test paid at half");
        assertThat(p.get("decisionReasons").asText()).contains("Malaria test paid at half");
        JsonNode r = awaitStatus(rejected, "REJECTED");
        assertThat(r.get("decisionReasons").asText()).isEqualTo("R07: No referral letter on file");
        JsonNode last = r.get("history").get(r.get("history").size() - 1);
        assertThat(last.get("source").asText()).isEqualTo("PAYER");
        assertThat(last.get("reason").asText()).contains("No referral letter");
        await().atMost(Duration.ofSeconds(20)).until(() -> names(SFTP.responses().resolve(".done")).stream().anyMatch(n -> n.endsWith(name)));
        assertThat(SFTP.responses().resolve(name)).doesNotExist();

        // Billing staff are told of the rejection and the partial approval, in the app.
        JsonNode notices = billing.get("/api/notifications?unread=true").json();
        assertThat(notices.findValuesAsText("kind")).contains("CLAIM_REJECTED", "CLAIM_PARTIAL");
        assertThat(billing.get("/api/notifications/unread-count").json().get("unread").asLong()).isGreaterThanOrEqualTo(2);
        long first = notices.get(0).get("id").asLong();
        assertThat(billing.post("/api/notifications/" + first + "/read", "").json().get("readAt").isNull()).isFalse();
        assertThat(as(fixtures.practice().billing()).post("/api/notifications/" + first + "/read", "").status()).isEqualTo(404);

        // The same file again, under another name: recognised, nothing changes.
        int historyBefore = r.get("history").size();
        String copy = Fixtures.unique("copy") + ".csv";
        SFTP.drop(copy, content);
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/api/operations/inbound-documents?payer=harmony-care").json()
                .findValuesAsText("name").stream().anyMatch(n -> n.equals(copy)));
        JsonNode copyRow = findByName(operator.get("/api/operations/inbound-documents?payer=harmony-care").json(), copy);
        assertThat(copyRow.get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(claim(rejected).get("history")).hasSize(historyBefore);

        // A later file that would move a decided claim back (reopen it for review) is refused for that claim
        // and recorded; the rest of the file is still applied, and a receipt that comes after the decision is
        // late news kept in the history, not an exception.
        String next = delivered("harmony-care", "CONS-GP");
        SFTP.drop(Fixtures.unique("late") + ".csv", STATUS_HEADER + partial + ",HCI-2,UNDER_REVIEW,,,,,\n"
                + approved + ",HCI-1,ACKNOWLEDGED,,,,,\n" + next + ",HCI-4,UNDER_REVIEW,,,,,\n");
        awaitStatus(next, "IN_REVIEW");
        assertThat(claim(partial).get("status").asText()).isEqualTo("PARTIAL");
        JsonNode refused = null;
        for (JsonNode e : operator.get("/api/exceptions?status=OPEN&payer=harmony-care").json()) {
            if (partial.equals(e.path("claimNumber").asText())) {
                refused = e;
            }
            assertThat(e.path("claimNumber").asText()).isNotEqualTo(approved);
        }
        assertThat(refused).isNotNull();
        assertThat(refused.get("kind").asText()).isEqualTo("CLAIM_DECIDED");
        assertThat(refused.get("detail").asText()).contains("PARTIAL").contains("IN_REVIEW");
        JsonNode stillApproved = claim(approved);
        assertThat(stillApproved.get("status").asText()).isEqualTo("APPROVED");
        JsonNode lastStep = stillApproved.get("history").get(stillApproved.get("history").size() - 1);
        assertThat(lastStep.get("to").asText()).isEqualTo("RECEIVED");
        assertThat(lastStep.get("late").asBoolean()).isTrue();
    }

    @Test
    void the_payers_reference_is_noted_with_its_first_answer_whether_or_not_the_claim_moves_and_is_then_kept() {
        String moved = delivered("harmony-care", "CONS-GP");
        String repeated = delivered("harmony-care", "CONS-GP");
        SFTP.drop(Fixtures.unique("first") + ".csv", STATUS_HEADER + moved + ",HCI-R1,UNDER_REVIEW,,,,,\n"
                + repeated + ",,UNDER_REVIEW,,,,,\n");
        awaitStatus(moved, "IN_REVIEW");
        JsonNode withoutReference = awaitStatus(repeated, "IN_REVIEW");
        assertThat(claim(moved).at("/delivery/payerReference").asText()).isEqualTo("HCI-R1");
        assertThat(withoutReference.at("/delivery/payerReference").asText(null)).isNull();

        // The same news again names the references: the claims do not move, the one without gets its reference,
        // the one that has one keeps it.
        SFTP.drop(Fixtures.unique("again") + ".csv", STATUS_HEADER + moved + ",HCI-R1-OTHER,UNDER_REVIEW,,,,,\n"
                + repeated + ",HCI-R2,UNDER_REVIEW,,,,,\n");
        JsonNode noted = await().atMost(Duration.ofSeconds(20)).until(() -> claim(repeated),
                c -> "HCI-R2".equals(c.at("/delivery/payerReference").asText()));
        assertThat(noted.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(noted.get("history")).hasSize(withoutReference.get("history").size());
        assertThat(claim(moved).at("/delivery/payerReference").asText()).isEqualTo("HCI-R1");
    }

    @Test
    void a_remittance_posts_the_paid_the_denied_and_the_part_paid_claim_once_even_under_another_name() {
        String paid = delivered("harmony-care", "CONS-GP");
        String partPaid = delivered("harmony-care", "CONS-GP", "LAB-MP");
        String denied = delivered("harmony-care", "CONS-GP");
        String reference = Fixtures.unique("HCI-PAY");
        String content = REMITTANCE_HEADER
                + reference + ",2026-11-21,11000.00," + paid + ",5000.00,5000.00,,\n"
                + reference + ",2026-11-21,11000.00," + partPaid + ",7000.00,6000.00,T12,Test paid at half\n"
                + reference + ",2026-11-21,11000.00," + denied + ",5000.00,0.00,R07,Not covered\n";
        SFTP.drop(Fixtures.unique("remit") + ".csv", content);

        JsonNode p = await().atMost(Duration.ofSeconds(20)).until(() -> claim(paid), c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(p.get("status").asText()).isEqualTo("APPROVED");
        assertThat(p.at("/balance/paid").decimalValue()).isEqualByComparingTo("5000");
        assertThat(p.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(p.at("/payments/0/reference").asText()).isEqualTo(reference);
        // Operators find the messages that delivered the claims of a payment by its reference.
        assertThat(operator.get("/api/messages?paymentReference=" + reference).json().get("items").findValuesAsText("claimNumber"))
                .containsExactlyInAnyOrder(paid, partPaid, denied);
        JsonNode pp = await().atMost(Duration.ofSeconds(20)).until(() -> claim(partPaid), c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(pp.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(pp.at("/balance/paid").decimalValue()).isEqualByComparingTo("6000");
        assertThat(pp.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("1000");
        assertThat(pp.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("1000");
        JsonNode d = awaitStatus(denied, "REJECTED");
        assertThat(d.get("paymentStatus").asText()).isEqualTo("UNPAID");
        assertThat(d.at("/balance/paid").decimalValue()).isEqualByComparingTo("0");
        assertThat(d.get("decisionReasons").asText()).contains("R07");

        // The same remittance under another name, and the same payment reference in a reworded file: not posted again.
        String again = Fixtures.unique("remit-again") + ".csv";
        SFTP.drop(again, content);
        SFTP.drop(Fixtures.unique("remit-reworded") + ".csv", content.replace("Test paid at half", "Half price"));
        await().atMost(Duration.ofSeconds(20)).until(() -> names(SFTP.responses().resolve(".done")).stream()
                .filter(n -> n.contains("remit-again") || n.contains("remit-reworded")).count() >= 2);
        assertThat(claim(partPaid).get("payments")).hasSize(1);
        assertThat(claim(paid).at("/balance/paid").decimalValue()).isEqualByComparingTo("5000");

        // What the payer did not pay on the PARTIAL claim: written off by billing, with the reason.
        Api.Response refused = billing.post("/api/claims/" + pp.get("id").asLong() + "/write-off", Map.of("amount", 1500, "reason", "Goodwill"));
        assertThat(refused.status()).isEqualTo(422);
        JsonNode written = billing.post("/api/claims/" + pp.get("id").asLong() + "/write-off",
                Map.of("amount", 1000, "reason", "Goodwill: long-standing patient")).json();
        assertThat(written.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("0");
        assertThat(written.at("/balance/outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(written.at("/balance/writeOffReason").asText()).isEqualTo("Goodwill: long-standing patient");
    }

    @Test
    void a_malformed_file_is_quarantined_with_a_report_and_the_next_good_file_still_goes_through() throws Exception {
        String claimNumber = delivered("harmony-care", "CONS-GP");
        String bad = Fixtures.unique("bad") + ".csv";
        SFTP.drop(bad, STATUS_HEADER + claimNumber + ",HCI-9,APPROVED,,,,,\n" + claimNumber + ",HCI-9,APPROVED,1,1,12x,,\n");

        JsonNode row = await().atMost(Duration.ofSeconds(20)).until(() -> findByName(operator.get("/api/operations/quarantine").json(), bad),
                n -> n != null);
        assertThat(row.get("problemLine").asLong()).isEqualTo(3);
        assertThat(row.get("problem").asText()).contains("APPROVED_AMOUNT").contains("12x");
        Path report = await().atMost(Duration.ofSeconds(20)).until(() -> names(SFTP.responses().resolve(".quarantine")).stream()
                .filter(n -> n.endsWith(bad + ".error.txt")).findFirst().map(n -> SFTP.responses().resolve(".quarantine").resolve(n))
                .orElse(null), p -> p != null);
        // In words: the payer by name and the moment in the hub's zone, not a code and an ISO instant.
        assertThat(Files.readString(report)).contains("Line: 3").contains("12x").contains("from Harmony Care")
                .containsPattern("Received: [0-9]{1,2} [A-Z][a-z]{2,3} [0-9]{4}, [0-9]{2}:[0-9]{2} WAT");
        // The report is written by the route; the file itself is moved aside when the route is done with it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(names(SFTP.responses().resolve(".quarantine"))).anyMatch(n -> n.endsWith(bad)));
        assertThat(claim(claimNumber).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(operator.get("/api/notifications").json().findValuesAsText("kind")).contains("FILE_QUARANTINED");
        assertThat(operator.get("/api/notifications").json().findValuesAsText("message"))
                .anyMatch(m -> m.contains(bad) && m.contains("from Harmony Care Insurance (sftp)"));
        TestMail.awaitMail(PayerSandboxes.OPERATIONS_MAILBOX, "file quarantined");

        SFTP.drop(Fixtures.unique("good") + ".csv", STATUS_HEADER + claimNumber + ",HCI-9,UNDER_REVIEW,,,,,\n");
        awaitStatus(claimNumber, "IN_REVIEW");

        // A remittance whose total is not the sum of its parts is quarantined whole: nothing is posted.
        String reference = Fixtures.unique("HCI-PAY");
        String unbalanced = Fixtures.unique("unbalanced") + ".csv";
        SFTP.drop(unbalanced, REMITTANCE_HEADER + reference + ",2026-11-21,9000.00," + claimNumber + ",5000.00,5000.00,,\n");
        JsonNode quarantined = await().atMost(Duration.ofSeconds(20))
                .until(() -> findByName(operator.get("/api/operations/quarantine").json(), unbalanced), n -> n != null);
        assertThat(quarantined.get("problem").asText()).contains("not the sum of its parts");
        assertThat(claim(claimNumber).get("payments")).isEmpty();
    }

    @Test
    void a_remittance_paying_a_claim_it_had_rejected_is_applied_with_that_payment_left_for_a_person() {
        String rejected = delivered("harmony-care", "CONS-GP");
        String paid = delivered("harmony-care", "CONS-GP");
        SFTP.drop(Fixtures.unique("decline") + ".csv", STATUS_HEADER + rejected + ",HCI-7,DECLINED,,,,R07,No referral letter on file\n");
        awaitStatus(rejected, "REJECTED");

        String reference = Fixtures.unique("HCI-PAY");
        String remittance = Fixtures.unique("remit-rejected") + ".csv";
        SFTP.drop(remittance, REMITTANCE_HEADER
                + reference + ",2026-11-21,10000.00," + rejected + ",5000.00,5000.00,,\n"
                + reference + ",2026-11-21,10000.00," + paid + ",5000.00,5000.00,,\n");

        // The rest of the remittance is posted; the payment the rejected claim cannot take waits for a person.
        await().atMost(Duration.ofSeconds(20)).until(() -> claim(paid), c -> "PAID".equals(c.get("paymentStatus").asText()));
        await().atMost(Duration.ofSeconds(20)).until(() -> names(SFTP.responses().resolve(".done")).stream()
                .anyMatch(n -> n.endsWith(remittance)));
        assertThat(claim(rejected).get("payments")).isEmpty();
        assertThat(operator.get("/api/exceptions?status=OPEN&payer=harmony-care").json().findValuesAsText("claimNumber"))
                .contains(rejected);
    }

    @Test
    void a_reversal_of_nothing_moves_no_money_and_the_rest_of_the_remittance_is_posted() {
        String denied = delivered("harmony-care", "CONS-GP");
        String paid = delivered("harmony-care", "CONS-GP");
        String reference = Fixtures.unique("HCI-PAY");
        // A payer reverses its denial (nothing had been paid) before adjudicating the claim again.
        SFTP.drop(Fixtures.unique("remit-zero-reversal") + ".csv", REMITTANCE_HEADER.replace("\n", ",KIND\n")
                + reference + ",2026-11-21,5000.00," + denied + ",5000.00,0.00,,,REVERSAL\n"
                + reference + ",2026-11-21,5000.00," + paid + ",5000.00,5000.00,,,PROCESSED\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> claim(paid), c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(claim(denied).get("payments")).isEmpty();
    }

    @Test
    void a_file_with_nul_bytes_is_quarantined_not_retried_for_ever() {
        String claimNumber = delivered("harmony-care", "CONS-GP");
        String padded = Fixtures.unique("nul") + ".csv";
        SFTP.drop(padded, STATUS_HEADER + claimNumber + ",HCI-9,APPRO\u0000VED,,,,,\n");

        JsonNode quarantined = await().atMost(Duration.ofSeconds(20))
                .until(() -> findByName(operator.get("/api/operations/quarantine").json(), padded), n -> n != null);
        assertThat(quarantined.get("problem").asText()).contains("STATUS");
        assertThat(claim(claimNumber).get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void an_amount_larger_than_the_store_holds_is_quarantined_on_its_line_before_it_reaches_the_database() {
        String claimNumber = delivered("harmony-care", "CONS-GP");
        String reference = Fixtures.unique("HCI-PAY");
        String absurd = Fixtures.unique("absurd") + ".csv";
        // A payer's export gone wrong: an amount larger than any the database holds. It would read and balance;
        // it is refused where it is read, on its line, instead of failing in the database (issue 13).
        SFTP.drop(absurd, REMITTANCE_HEADER + reference + ",2026-11-21,1000000000000.00," + claimNumber
                + ",5000.00,1000000000000.00,,\n");

        JsonNode quarantined = await().atMost(Duration.ofSeconds(20))
                .until(() -> findByName(operator.get("/api/operations/quarantine").json(), absurd), n -> n != null);
        assertThat(quarantined.get("problemLine").asLong()).isEqualTo(2);
        assertThat(quarantined.get("problem").asText()).isEqualTo("Column PAYMENT_TOTAL: '1000000000000.00' is too large: "
                + "the hub holds amounts up to 999,999,999,999.99.");
        await().atMost(Duration.ofSeconds(20)).until(() -> names(SFTP.responses().resolve(".quarantine")).stream()
                .anyMatch(n -> n.endsWith(absurd + ".error.txt")));
        assertThat(names(SFTP.responses())).doesNotContain(absurd);
        assertThat(claim(claimNumber).get("payments")).isEmpty();
        assertThat(operator.get("/api/notifications").json().findValuesAsText("message")).anyMatch(m -> m.contains(absurd));
    }

    @Test
    void an_unknown_claim_number_lands_in_the_exceptions_list_where_a_person_matches_or_dismisses_it() {
        String known = delivered("harmony-care", "CONS-GP");
        String lost = delivered("harmony-care", "CONS-GP");
        String reference = Fixtures.unique("HCI-PAY");
        SFTP.drop(Fixtures.unique("remit") + ".csv", REMITTANCE_HEADER
                + reference + ",2026-11-21,10000.00," + known + ",5000.00,5000.00,,\n"
                + reference + ",2026-11-21,10000.00,CLM-NOT-OURS,5000.00,5000.00,,\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> claim(known), c -> "PAID".equals(c.get("paymentStatus").asText()));

        JsonNode exception = await().atMost(Duration.ofSeconds(10)).until(() -> exceptionFor(operator, reference), e -> e != null);
        assertThat(exception.get("kind").asText()).isEqualTo("UNKNOWN_CLAIM");
        assertThat(exception.get("claimNumber").asText()).isEqualTo("CLM-NOT-OURS");
        assertThat(exception.get("amount").decimalValue()).isEqualByComparingTo("5000");
        // The payer's own HMO admin sees it; another payer's does not.
        assertThat(exceptionFor(as(fixtures.hmoAdmin("harmony-care")), reference)).isNotNull();
        assertThat(exceptionFor(as(fixtures.hmoAdmin("acme-hmo")), reference)).isNull();
        assertThat(billing.get("/api/exceptions").status()).isEqualTo(403);

        long id = exception.get("id").asLong();
        // Matched to a claim of another payer: refused, without a word about that claim, and nothing posted.
        String acmes = delivered("acme-hmo", "CONS-GP");
        Api.Response wrong = operator.post("/api/exceptions/" + id + "/match", Map.of("claimNumber", acmes, "note", "wrong claim"));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(409);
        assertThat(wrong.json().get("detail").asText()).contains("not a claim the hub sent to").doesNotContain("SUBMITTED");
        assertThat(claim(acmes).get("payments")).isEmpty();

        Api.Response matched = operator.post("/api/exceptions/" + id + "/match", Map.of("claimNumber", lost, "note", "typo in the payer's file"));
        assertThat(matched.status()).as(matched.toString()).isEqualTo(200);
        assertThat(matched.json().at("/exception/status").asText()).isEqualTo("MATCHED");
        JsonNode posted = claim(lost);
        assertThat(posted.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(posted.at("/payments/0/reference").asText()).isEqualTo(reference);
        assertThat(operator.post("/api/exceptions/" + id + "/dismiss", Map.of("reason", "done")).status()).isEqualTo(409);
    }

    @Test
    void a_forged_or_old_callback_changes_nothing_and_a_signed_one_is_applied_once() {
        String claimNumber = delivered("acme-hmo", "CONS-GP", "LAB-MP");
        assertThat(claim(claimNumber).get("status").asText()).isEqualTo("RECEIVED");
        String body = "{\"event\":\"claim.status\",\"claim\":{\"ref\":\"" + claimNumber + "\",\"reference\":\"ACME-9\","
                + "\"state\":\"REJECTED\",\"reason\":{\"code\":\"R1\",\"message\":\"Not a covered service\"}}}";
        long now = Instant.now().getEpochSecond();

        assertThat(callback("acme-hmo", body, now, "sha256=" + "00".repeat(32)).statusCode()).isEqualTo(401);
        assertThat(callback("acme-hmo", body, now, sign("wrong-secret", now, body)).statusCode()).isEqualTo(401);
        HttpResponse<String> old = callback("acme-hmo", body, now - 3600, sign(PayerSandboxes.ACME_CALLBACK_SECRET, now - 3600, body));
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(old.body()).contains("X-Hub-Timestamp");
        assertThat(callback("harmony-care", body, now, sign(PayerSandboxes.ACME_CALLBACK_SECRET, now, body)).statusCode()).isEqualTo(401);
        assertThat(claim(claimNumber).get("status").asText()).isEqualTo("RECEIVED");

        HttpResponse<String> good = callback("acme-hmo", body, now, sign(PayerSandboxes.ACME_CALLBACK_SECRET, now, body));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(202);
        JsonNode rejected = claim(claimNumber);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionReasons").asText()).isEqualTo("R1: Not a covered service");
        HttpResponse<String> replay = callback("acme-hmo", body, now, sign(PayerSandboxes.ACME_CALLBACK_SECRET, now, body));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("DUPLICATE");
        assertThat(claim(claimNumber).get("history")).hasSize(rejected.get("history").size());
    }

    @Test
    void a_payment_by_callback_is_posted_and_a_later_reversal_undoes_it() {
        String claimNumber = delivered("acme-hmo", "CONS-GP");
        String reference = Fixtures.unique("ACME-TRF");
        String pay = "{\"event\":\"payment\",\"payment\":{\"id\":\"" + reference + "\",\"date\":\"2026-11-20\",\"amount\":5000,"
                + "\"claims\":[{\"ref\":\"" + claimNumber + "\",\"billed\":5000,\"paid\":5000,\"status\":\"PAID\"}]}}";
        long now = Instant.now().getEpochSecond();
        assertThat(callback("acme-hmo", pay, now, sign(PayerSandboxes.ACME_CALLBACK_SECRET, now, pay)).statusCode()).isEqualTo(202);
        JsonNode paid = claim(claimNumber);
        assertThat(paid.get("status").asText()).isEqualTo("APPROVED");
        assertThat(paid.get("paymentStatus").asText()).isEqualTo("PAID");

        String reversal = "{\"event\":\"payment\",\"payment\":{\"id\":\"" + reference + "-R\",\"date\":\"2026-11-22\",\"amount\":-5000,"
                + "\"claims\":[{\"ref\":\"" + claimNumber + "\",\"billed\":5000,\"paid\":-5000,\"status\":\"REVERSED\"}]}}";
        assertThat(callback("acme-hmo", reversal, now, sign(PayerSandboxes.ACME_CALLBACK_SECRET, now, reversal)).statusCode()).isEqualTo(202);
        JsonNode reversed = claim(claimNumber);
        assertThat(reversed.get("paymentStatus").asText()).isEqualTo("UNPAID");
        assertThat(reversed.at("/balance/paid").decimalValue()).isEqualByComparingTo("0");
        assertThat(reversed.get("payments").findValuesAsText("kind")).containsExactly("PAYMENT", "REVERSAL");
        assertThat(billing.get("/api/notifications").json().findValuesAsText("kind")).contains("CLAIM_PAID", "PAYMENT_REVERSED");
    }

    @Test
    void a_reply_email_with_a_fhir_claim_response_is_applied_once() throws Exception {
        String claimNumber = delivered("crestline-health", "CONS-GP", "LAB-MP");
        String response = """
                {"resourceType": "ClaimResponse", "status": "active", "use": "claim", "outcome": "complete",
                 "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%s"}},
                 "item": [{"itemSequence": 2, "adjudication": [{"category": {"coding": [{"code": "benefit"}]},
                   "amount": {"value": 0, "currency": "NGN"}, "reason": {"coding": [{"code": "NC", "display": "Not covered"}]}}]}]}
                """.formatted(claimNumber);
        String messageId = "<" + Fixtures.unique("reply") + "@crestline.test>";
        mail(messageId, "Re: Claim " + claimNumber, response);
        mail(messageId, "Re: Claim " + claimNumber, response);
        mail("<" + Fixtures.unique("copy") + "@crestline.test>", "Fwd: Claim " + claimNumber, response);

        JsonNode partial = awaitStatus(claimNumber, "PARTIAL");
        assertThat(partial.at("/balance/approved").decimalValue()).isEqualByComparingTo("5000");
        assertThat(partial.at("/lines/1/payerReasons").asText()).isEqualTo("NC: Not covered");
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/api/operations/inbound-documents?payer=crestline-health").json()
                .findValuesAsText("name").stream().filter(n -> n.contains(claimNumber)).count() == 2);
        assertThat(operator.get("/api/operations/inbound-documents?payer=crestline-health").json().findValuesAsText("outcome"))
                .contains("DUPLICATE");
        assertThat(claim(claimNumber).get("history").findValuesAsText("to")).containsOnlyOnce("PARTIAL");

        // A mail the hub cannot read is quarantined for a person and stays in the mailbox.
        String garbled = "Garbled " + Fixtures.unique("mail");
        mail("<" + Fixtures.unique("garbled") + "@crestline.test>", garbled, "this is not a claim response");
        JsonNode quarantined = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode row : operator.get("/api/operations/quarantine").json()) {
                if (row.get("name").asText().contains(garbled)) {
                    return row;
                }
            }
            return null;
        }, row -> row != null);
        assertThat(quarantined.get("channel").asText()).isEqualTo("email");
        assertThat(TestMail.server().getReceivedMessagesForDomain("hub.test")).anyMatch(m -> {
            try {
                return garbled.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        });
    }

    @Test
    void an_answer_emails_taken_mark_is_not_committed_before_its_work() throws Exception {
        String claimNumber = delivered("crestline-health", "CONS-GP", "LAB-MP");
        String response = """
                {"resourceType": "ClaimResponse", "status": "active", "use": "claim", "outcome": "complete",
                 "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%s"}},
                 "item": [{"itemSequence": 2, "adjudication": [{"category": {"coding": [{"code": "benefit"}]},
                   "amount": {"value": 0, "currency": "NGN"}, "reason": {"coding": [{"code": "NC", "display": "Not covered"}]}}]}]}
                """.formatted(claimNumber);
        String messageId = "<" + Fixtures.unique("midway") + "@crestline.test>";
        try (Connection blocker = jdbc.getDataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // The answer's work cannot commit while this is held: the hub is "mid-mail", as when it crashed there.
                lock.execute("lock table applied_document in share row exclusive mode");
            }
            mail(messageId, "Re: Claim " + claimNumber, response);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                    where c.relname = 'applied_document' and not l.granted""", Integer.class) > 0);

            assertThat(answerMarks(messageId)).as("the mail's mark while its work is not committed").isZero();
            blocker.rollback();
        }
        awaitStatus(claimNumber, "PARTIAL");
        await().atMost(Duration.ofSeconds(10)).until(() -> answerMarks(messageId) == 1);
        assertThat(claim(claimNumber).get("history").findValuesAsText("to")).containsOnlyOnce("PARTIAL");
    }

    /** Whether the payers' answer mailbox holds this mail as taken (routes/payer-responses.camel.yaml, mail/MailKeys). */
    private int answerMarks(String messageId) throws Exception {
        String key = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8)));
        return jdbc.queryForObject("select count(*) from camel_messageprocessed where processorname = 'payer-responses-email' and messageid = ?",
                Integer.class, key);
    }

    @Test
    void a_claim_with_no_news_past_the_payers_limit_is_flagged_and_its_practice_told_once() {
        String desk = Fixtures.unique("billing") + "@clinic.test";
        assertThat(billing.put("/api/providers/me/billing-email", Map.of("email", desk)).status()).isEqualTo(403);
        assertThat(as(practice.owner()).put("/api/providers/me/billing-email", Map.of("email", desk)).json()
                .get("billingEmail").asText()).isEqualTo(desk);
        String claimNumber = delivered("harmony-care", "CONS-GP");
        jdbc.update("update claim set stale_after = ? where claim_number = ?", Instant.now().minusSeconds(60)
                .atOffset(java.time.ZoneOffset.UTC), claimNumber);

        staleClaims.tellNewlyStale();
        staleClaims.tellNewlyStale();

        assertThat(billing.get("/api/claims?stale=true").json().findValuesAsText("claimNumber")).contains(claimNumber);
        assertThat(billing.get("/api/notifications").json().findValues("claimNumber").stream().map(JsonNode::asText)
                .filter(claimNumber::equals)).hasSize(1);
        assertThat(TestMail.awaitMail(desk, "no news").body()).contains(claimNumber).contains("chase the payer");
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

    private JsonNode awaitStatus(String claimNumber, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> claim(claimNumber), c -> status.equals(c.get("status").asText()));
    }

    private static JsonNode exceptionFor(Api api, String paymentReference) {
        for (JsonNode e : api.get("/api/exceptions?status=OPEN").json()) {
            if (paymentReference.equals(e.path("paymentReference").asText())) {
                return e;
            }
        }
        return null;
    }

    private static JsonNode findByName(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            if (row.get("name").asText().equals(name)) {
                return row;
            }
        }
        return null;
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> callback(String payer, String body, long timestamp, String signature) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/payers/" + payer + "/callbacks"))
                    .header("Content-Type", "application/json").header("X-Hub-Timestamp", Long.toString(timestamp))
                    .header("X-Hub-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void mail(String messageId, String subject, String fhirJson) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(TestMail.smtpPort()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("adjudication@crestline.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(PayerSandboxes.CRESTLINE_ANSWERS));
        message.setSubject(subject);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Our decision is attached.");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(fhirJson.getBytes(StandardCharsets.UTF_8), "application/fhir+json")));
        file.setFileName("claim-response.fhir.json");
        MimeMultipart parts = new MimeMultipart(text, file);
        message.setContent(parts);
        Transport.send(TestMail.authenticated(message));
    }
}
