package com.hmoexchange.hub.mailintake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.TestMail;
import com.hmoexchange.hub.support.TestSftp;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mails to the hub's intakes over real SMTP and IMAP (GreenMail standing in for the hub's own mail server, whose
 * authserv-id is {@link TestMail#AUTHSERV_ID}): a mail from a sender not allowed, without an authentication result,
 * with DKIM or DMARC failing, or vouched for by another server is held with why and nothing of it applied; an
 * operator's accept applies it once, a reject applies nothing.
 */
class HeldMailTests extends ApiTest {

    private static final String CRESTLINE = "adjudication@crestline.test";

    private Api billing;
    private Api operator;

    @BeforeEach
    void practiceAndOperator() {
        billing = as(fixtures.practice().billing());
        operator = as(fixtures.operator());
    }

    @Test
    void forged_unauthenticated_failing_or_foreign_vouched_answers_are_held_and_a_good_one_is_applied_once() throws Exception {
        String claimNumber = deliveredToCrestline();
        String tag = Fixtures.unique("held");

        // A lookalike domain, vouched for by the hub's own server: the sender is not Crestline's.
        send(withResults(answer("adjudication@crestline-payments.test", "Forged " + tag, claimNumber),
                TestMail.AUTHSERV_ID + "; dkim=pass header.d=crestline-payments.test; dmarc=pass header.from=crestline-payments.test"));
        send(answer(CRESTLINE, "Missing " + tag, claimNumber));
        send(withResults(answer(CRESTLINE, "Failing " + tag, claimNumber),
                TestMail.AUTHSERV_ID + "; dkim=fail (bad signature) header.d=crestline.test; dmarc=fail (p=reject) header.from=crestline.test"));
        // Written by the sender itself, under another server's name: ignored.
        send(withResults(answer(CRESTLINE, "Foreign " + tag, claimNumber),
                "mx.attacker.test; dkim=pass header.d=crestline.test; dmarc=pass header.from=crestline.test"));

        assertThat(awaitHeld("Forged " + tag).get("problems").get(0).asText())
                .contains("adjudication@crestline-payments.test is not among the allowed senders [@crestline.test]");
        assertThat(awaitHeld("Missing " + tag).get("problems").get(0).asText())
                .contains("No authentication result from the hub's mail server " + TestMail.AUTHSERV_ID);
        assertThat(awaitHeld("Failing " + tag).get("problems").toString())
                .contains("DKIM did not pass for crestline.test: dkim=fail header.d=crestline.test")
                .contains("DMARC did not pass for crestline.test: dmarc=fail header.from=crestline.test");
        JsonNode foreign = awaitHeld("Foreign " + tag);
        assertThat(foreign.get("problems").get(0).asText()).contains("Headers from [mx.attacker.test] were ignored");
        assertThat(foreign.get("intake").asText()).isEqualTo("PAYER_RESPONSES");
        assertThat(foreign.get("owner").asText()).isEqualTo("crestline-health");
        assertThat(foreign.get("sender").asText()).isEqualTo(CRESTLINE);
        assertThat(foreign.get("contentKept").asBoolean()).isTrue();
        assertThat(operator.get("/api/operations/held-mails/" + foreign.get("id").asLong() + "/content").text())
                .contains("mx.attacker.test", "Foreign " + tag);
        // Nothing of the four was applied: the claim is as delivered, and no document of theirs was recorded.
        assertThat(claim(claimNumber).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(documentsNamed(tag)).isZero();
        assertThat(operator.get("/api/notifications").json().findValuesAsText("kind")).contains("MAIL_HELD");

        send(TestMail.authenticated(answer(CRESTLINE, "Good " + tag, claimNumber)));

        await().atMost(Duration.ofSeconds(20)).until(() -> claim(claimNumber).get("status").asText().equals("PARTIAL"));
        assertThat(documentsNamed("Good " + tag)).isEqualTo(1);
        assertThat(held(HeldMail.Status.HELD, "Good " + tag)).isNull();
    }

    @Test
    void an_accepted_held_answer_is_applied_once_and_a_rejected_one_applies_nothing() throws Exception {
        String accepted = deliveredToCrestline();
        String rejected = deliveredToCrestline();
        String tag = Fixtures.unique("decide");
        send(answer(CRESTLINE, "Accept " + tag, accepted));
        send(answer(CRESTLINE, "Reject " + tag, rejected));
        long acceptId = awaitHeld("Accept " + tag).get("id").asLong();
        long rejectId = awaitHeld("Reject " + tag).get("id").asLong();

        assertThat(billing.post("/api/operations/held-mails/" + acceptId + "/accept", "").status()).isEqualTo(403);
        Api.Response rejection = operator.post("/api/operations/held-mails/" + rejectId + "/reject",
                Map.of("reason", "Crestline says it did not send this"));
        assertThat(rejection.status()).as(rejection.toString()).isEqualTo(200);
        assertThat(rejection.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejection.json().get("decisionNote").asText()).isEqualTo("Crestline says it did not send this");
        assertThat(rejection.json().get("decidedBy").asText()).isNotBlank();
        Api.Response acceptAfterReject = operator.post("/api/operations/held-mails/" + rejectId + "/accept", "");
        assertThat(acceptAfterReject.status()).isEqualTo(409);
        assertThat(acceptAfterReject.json().get("detail").asText()).contains("was already rejected");

        Api.Response acceptance = operator.post("/api/operations/held-mails/" + acceptId + "/accept", "");
        assertThat(acceptance.status()).as(acceptance.toString()).isEqualTo(200);
        assertThat(acceptance.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(acceptance.json().get("decisionNote").asText()).contains("applied");
        assertThat(claim(accepted).get("status").asText()).isEqualTo("PARTIAL");
        assertThat(operator.post("/api/operations/held-mails/" + acceptId + "/accept", "").status()).isEqualTo(409);

        assertThat(claim(accepted).get("history").findValuesAsText("to")).containsOnlyOnce("PARTIAL");
        assertThat(documentsNamed("Accept " + tag)).isEqualTo(1);
        assertThat(claim(rejected).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(documentsNamed("Reject " + tag)).isZero();
        assertThat(operator.get("/api/operations/held-mails?status=ACCEPTED").json().findValuesAsText("id"))
                .contains(String.valueOf(acceptId));
    }

    @Test
    void a_clients_unauthenticated_or_forged_bulk_mail_is_held_and_an_accepted_one_is_requested_once() throws Exception {
        ClientSetup s = fixtures.client("acme-hmo");
        String csv = "kind,enrolleeNumber,firstName\nEDIT_DETAILS," + s.child().getEnrolleeNumber() + ",Kemi-Ola\n";
        MimeMessage unauthenticated = TestMail.toIntakeWithCsv(s.user(), "Changes " + Fixtures.unique("bulk"), "Attached.",
                "held.csv", csv, "<" + GreenMailUtil.random() + "@client.example>");
        unauthenticated.removeHeader("Authentication-Results");
        String forgedSubject = "Changes " + Fixtures.unique("forged");
        MimeMessage forged = TestMail.toIntakeWithCsv("hr@not-a-client.test", forgedSubject, "Attached.", "forged.csv", csv, null);

        Transport.send(unauthenticated);
        Transport.send(forged);

        JsonNode held = awaitHeld(unauthenticated.getSubject());
        assertThat(held.get("intake").asText()).isEqualTo("BULK_REQUESTS");
        assertThat(held.get("problems").get(0).asText()).contains("No authentication result");
        JsonNode forgedHeld = awaitHeld(forgedSubject);
        assertThat(forgedHeld.get("problems").get(0).asText())
                .contains("hr@not-a-client.test is not among the hub's enabled client users and HMO admins");
        assertThat(as(s.user()).get("/api/portal/requests").json().get("totalItems").asLong()).isZero();

        Api.Response noClient = operator.post("/api/operations/held-mails/" + forgedHeld.get("id").asLong() + "/accept", "");
        assertThat(noClient.status()).isEqualTo(409);
        assertThat(noClient.json().get("detail").asText()).contains("is not an enabled client user or HMO admin");
        assertThat(operator.get("/api/operations/held-mails/" + forgedHeld.get("id").asLong()).json().get("status").asText())
                .isEqualTo("HELD");

        Api.Response acceptance = operator.post("/api/operations/held-mails/" + held.get("id").asLong() + "/accept", "");
        assertThat(acceptance.status()).as(acceptance.toString()).isEqualTo(200);
        assertThat(acceptance.json().get("decisionNote").asText()).contains("1 request(s) taken");
        assertThat(operator.post("/api/operations/held-mails/" + held.get("id").asLong() + "/accept", "").status()).isEqualTo(409);
        JsonNode requests = as(s.user()).get("/api/portal/requests").json();
        assertThat(requests.get("totalItems").asLong()).isEqualTo(1);
        assertThat(requests.get("items").findValuesAsText("channel")).containsExactly("EMAIL");
        TestMail.awaitMail(s.user(), "Bulk requests held.csv");
    }

    @Test
    void a_bulk_file_over_the_row_limit_is_refused_whole() {
        ClientSetup s = fixtures.client("acme-hmo");
        StringBuilder csv = new StringBuilder("kind,enrolleeNumber,firstName\n");
        for (int i = 0; i < 5001; i++) {
            csv.append("EDIT_DETAILS,").append(s.child().getEnrolleeNumber()).append(",Name").append(i).append('\n');
        }

        TestSftp.upload(s.client().getCode(), "too-long.csv", csv.toString(), null);

        TestMail.Mail report = TestMail.awaitMail(s.client().getContactEmail(), "Bulk requests too-long.csv");
        assertThat(report.subject()).contains("0 taken, 1 refused");
        assertThat(report.body()).contains("the file: the file has 5001 rows; one file may hold at most 5000 (HUB_BULK_MAX_ROWS)");
        assertThat(as(s.user()).get("/api/portal/requests").json().get("totalItems").asLong()).isZero();
    }

    /** A claim sent to Crestline; waited for longer than ApiTest does, as a loaded machine has taken just over 30 s. */
    private String deliveredToCrestline() {
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("crestline-health"), "CONS-GP", "LAB-MP"));
        Api.Response submitted = billing.post(claimPath(claim) + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return await().atMost(Duration.ofSeconds(90)).until(() -> billing.get(claimPath(claim)).json(),
                c -> "DELIVERED".equals(c.at("/delivery/status").asText())).get("claimNumber").asText();
    }

    private static MimeMessage answer(String from, String subject, String claimNumber) throws Exception {
        return TestMail.crestlineAnswer(from, subject, claimNumber);
    }

    private static MimeMessage withResults(MimeMessage message, String header) throws Exception {
        message.addHeader("Authentication-Results", header);
        return message;
    }

    private static void send(MimeMessage message) throws Exception {
        Transport.send(message);
    }

    private JsonNode awaitHeld(String subject) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> held(null, subject), row -> row != null);
    }

    private JsonNode held(HeldMail.Status status, String subject) {
        for (JsonNode row : operator.get("/api/operations/held-mails" + (status == null ? "" : "?status=" + status)).json()) {
            if (subject.equals(row.path("subject").asText())) {
                return row;
            }
        }
        return null;
    }

    private long documentsNamed(String text) {
        return operator.get("/api/operations/inbound-documents?payer=crestline-health&size=500").json().findValuesAsText("name")
                .stream().filter(n -> n.contains(text)).count();
    }

    private JsonNode claim(String claimNumber) {
        long id = billing.get("/api/claims?claimNumber=" + claimNumber).json().at("/items/0/id").asLong();
        return billing.get("/api/claims/" + id).json();
    }
}
