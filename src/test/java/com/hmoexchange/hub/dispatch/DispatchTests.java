package com.hmoexchange.hub.dispatch;

import static com.hmoexchange.hub.support.PayerSandboxes.HTTP;
import static com.hmoexchange.hub.support.PayerSandboxes.MAIL;
import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.PayerSandboxes;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * Claims travel from submit to each kind of payer, against real servers: an HTTP API, an SFTP server
 * and an SMTP server started by the tests, the embedded Artemis broker and PostgreSQL. Faults are
 * real too: error answers, a server that is down, a Camel context stopped mid-flow.
 */
class DispatchTests extends ApiTest {

    static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jms;
    @Autowired
    ObjectMapper json;
    @Autowired
    com.hmoexchange.hub.outbox.OutboxRelay relay;

    Api billing;
    Api operator;

    @BeforeEach
    void practiceAndOperator() {
        billing = as(fixtures.practice().billing());
        String operatorName = fixtures.operator();
        operator = as(operatorName);
    }

    @Test
    void the_http_payer_receives_the_mapped_json_once_with_its_token_and_idempotency_key() {
        JsonNode claim = submitted("acme-hmo", "CONS-GP", "LAB-MP");
        String number = claim.get("claimNumber").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.accepted(number).size() == 1);
        PayerSandboxes.Received received = HTTP.accepted(number).get(0);
        assertThat(received.authorization()).isEqualTo("Bearer " + PayerSandboxes.ACME_TOKEN);
        assertThat(received.idempotencyKey()).isEqualTo(number + "-1");
        JsonNode body = read(received.body());
        assertThat(body.get("ref").asText()).isEqualTo(number);
        assertThat(body.at("/member/number").asText()).isEqualTo(claim.at("/patient/enrolleeNumber").asText());
        assertThat(body.get("items")).hasSize(2);
        assertThat(body.at("/items/1/code").asText()).isEqualTo("LAB-MP");
        assertThat(body.get("total").decimalValue()).isEqualByComparingTo("7000");

        JsonNode after = awaitDelivery(claim, "DELIVERED");
        assertThat(after.at("/delivery/payerReference").asText()).isEqualTo("PAYER-" + number);
        assertThat(after.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(after.get("history").findValuesAsText("source")).contains("PAYER");
    }

    @Test
    void the_sftp_payer_gets_a_csv_file_with_one_row_per_line_uploaded_under_a_temporary_name() throws Exception {
        JsonNode claim = submitted("harmony-care", "CONS-GP", "DRUG-ACT");
        String number = claim.get("claimNumber").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(SFTP.claims().resolve(number + "-1.csv")));
        List<String> rows = Files.readAllLines(SFTP.claims().resolve(number + "-1.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("CLAIM_REF,PROVIDER_REF,MEMBER_NO,MEMBER_NAME");
        assertThat(rows.get(1)).startsWith(number + ",").contains(",1,CONS-GP,").contains(",5000.00,5000.00,9500.00,NGN");
        assertThat(rows.get(2)).contains(",2,DRUG-ACT,").contains(",4500.00,4500.00,9500.00,NGN");
        try (var files = Files.list(SFTP.claims())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith(".tmp-"));
        }
        awaitDelivery(claim, "DELIVERED");
    }

    @Test
    void the_x12_payer_gets_an_837p_file_carrying_the_claim_number_and_each_line_sequence() throws Exception {
        JsonNode claim = submitted("zenith-care", "CONS-GP", "LAB-MP");
        String number = claim.get("claimNumber").asText();
        Path file = SFTP.claims().resolveSibling("zenith/claims").resolve(number + "-1.x12");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file));
        String x12 = Files.readString(file);
        assertThat(x12).startsWith("ISA*").contains("ST*837*" + number.substring(4) + "*005010X222A1~",
                "CLM*" + number + "*7000***11:B:1*Y*A*Y*Y~", "SV1*HC:CONS-GP:", "*5000*UN*1***1~",
                "REF*6R*2~");
        awaitDelivery(claim, "DELIVERED");
    }

    @Test
    void the_email_payer_gets_the_fhir_claim_and_the_supporting_documents() throws Exception {
        JsonNode claim = submitted("crestline-health", "CONS-GP");
        String number = claim.get("claimNumber").asText();

        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(number), m -> m != null);
        assertThat(mail.getSubject()).contains(number).contains("Ngozi Eze").contains("NGN 5,000.00");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(PayerSandboxes.CRESTLINE_MAILBOX);
        Multipart parts = (Multipart) mail.getContent();
        List<String> names = new ArrayList<>();
        JsonNode fhir = null;
        byte[] referral = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                names.add(part.getFileName());
                if (part.getFileName().endsWith(".fhir.json")) {
                    fhir = json.readTree(part.getInputStream());
                }
                if (part.getFileName().equals("referral.pdf")) {
                    referral = part.getInputStream().readAllBytes();
                }
            }
        }
        assertThat(names).containsExactlyInAnyOrder(number + "-1.fhir.json", "referral.pdf");
        // The practice's file arrives byte for byte: this one is plain ASCII with bare LF line ends, which a 7bit text
        // part would have rewritten to CRLF.
        assertThat(referral).isEqualTo(PDF);
        assertThat(fhir.get("resourceType").asText()).isEqualTo("Claim");
        assertThat(fhir.at("/identifier/0/value").asText()).isEqualTo(number);
        assertThat(fhir.at("/item/0/productOrService/coding/0/code").asText()).isEqualTo("CONS-GP");
        assertThat(fhir.at("/item/0/net/value").decimalValue()).isEqualByComparingTo("5000");
        assertThat(fhir.at("/supportingInfo/0/valueAttachment/title").asText()).isEqualTo("referral.pdf");
        awaitDelivery(claim, "DELIVERED");
    }

    @Test
    void two_server_errors_then_success_deliver_the_claim_once() {
        JsonNode claim = draftFor("acme-hmo", "CONS-GP");
        String number = claim.get("claimNumber").asText();
        HTTP.script(number, 503, 503);
        submit(claim);

        awaitDelivery(claim, "DELIVERED");
        assertThat(HTTP.accepted(number)).hasSize(1);
        assertThat(attempts(number)).containsExactly("FAILED", "FAILED", "DELIVERED");
    }

    @Test
    void a_client_error_is_not_retried_and_the_payers_reason_shows_on_the_claim() {
        JsonNode claim = draftFor("acme-hmo", "CONS-GP");
        String number = claim.get("claimNumber").asText();
        HTTP.script(number, 400);
        submit(claim);

        JsonNode refused = awaitDelivery(claim, "REFUSED");
        assertThat(refused.at("/delivery/error").asText()).contains("HTTP 400").contains("member number not recognised");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> attempts(number).size() == 1);
        assertThat(attempts(number)).containsExactly("REFUSED");
        assertThat(HTTP.accepted(number)).isEmpty();
    }

    @Test
    void an_sftp_server_that_is_down_gets_the_claim_once_when_it_is_back() throws Exception {
        SFTP.stop();
        JsonNode claim;
        try {
            claim = submitted("harmony-care", "CONS-GP");
            JsonNode failing = awaitDelivery(claim, "FAILING");
            // Billing staff read what went wrong in words, not a Java class name.
            assertThat(failing.at("/delivery/error").asText()).startsWith("The payer's")
                    .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z.]*Exception").doesNotContain("Exception:");
        } finally {
            SFTP.start();
        }
        String number = claim.get("claimNumber").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(SFTP.claims().resolve(number + "-1.csv")));
        awaitDelivery(claim, "DELIVERED");
        assertThat(attempts(number)).last().isEqualTo("DELIVERED");
        assertThat(attempts(number)).filteredOn("DELIVERED"::equals).hasSize(1);
    }

    @Test
    void when_retries_run_out_the_claim_is_dead_lettered_and_a_replay_delivers_it() {
        JsonNode claim = draftFor("acme-hmo", "CONS-GP");
        String number = claim.get("claimNumber").asText();
        HTTP.script(number, 503, 503, 503, 503);
        submit(claim);

        awaitDelivery(claim, "DEAD_LETTERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.get("/api/operations/dead-letters").json()
                .findValuesAsText("claimNumber").contains(number));
        assertThat(HTTP.accepted(number)).isEmpty();
        // Operators are told, in the app and by email, in words: the payer by name, the page to replay from (no API path).
        assertThat(operator.get("/api/notifications?unread=true&size=200").json().findValuesAsText("message"))
                .anyMatch(m -> m.contains(number) && m.contains("given up") && m.contains("to Acme Health HMO")
                        && m.contains("Dead letters page") && !m.contains("/api/"));
        com.hmoexchange.hub.support.TestMail.awaitMail(PayerSandboxes.OPERATIONS_MAILBOX, "message dead lettered");

        Api.Response replay = operator.post("/api/operations/dead-letters/replay?claimNumber=" + number, "");
        assertThat(replay.json().get("replayed").asInt()).isEqualTo(1);

        awaitDelivery(claim, "DELIVERED");
        assertThat(HTTP.accepted(number)).hasSize(1);
        assertThat(operator.get("/api/operations/dead-letters").json().findValuesAsText("claimNumber")).doesNotContain(number);
        assertThat(attempts(number)).containsExactly("FAILED", "FAILED", "FAILED", "DEAD_LETTERED", "DELIVERED");
    }

    @Test
    void a_repeated_event_for_a_delivered_claim_is_not_sent_again_but_an_operator_resend_is() {
        JsonNode claim = submitted("acme-hmo", "CONS-GP");
        String number = claim.get("claimNumber").asText();
        awaitDelivery(claim, "DELIVERED");

        jms.send("claims.outbound", session -> {
            var message = session.createTextMessage("{\"claimNumber\":\"" + number + "\"}");
            message.setStringProperty("eventType", "ClaimSubmitted");
            message.setStringProperty("aggregateId", number);
            return message;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(number).contains("SKIPPED_DUPLICATE"));
        assertThat(HTTP.accepted(number)).hasSize(1);

        assertThat(operator.post("/api/operations/claims/" + number + "/resend", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> HTTP.accepted(number).size() == 2);
        assertThat(HTTP.accepted(number)).extracting(PayerSandboxes.Received::idempotencyKey)
                .containsExactly(number + "-1", number + "-1");
    }

    @Test
    void the_message_store_finds_a_claims_messages_by_each_business_key() {
        JsonNode claim = submitted("acme-hmo", "CONS-GP");
        String number = claim.get("claimNumber").asText();
        awaitDelivery(claim, "DELIVERED");

        JsonNode byNumber = operator.get("/api/messages?claimNumber=" + number).json();
        assertThat(byNumber.get("items")).hasSize(1);
        JsonNode message = byNumber.get("items").get(0);
        assertThat(message.get("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(message.get("channel").asText()).isEqualTo("http");
        assertThat(operator.get("/api/messages?payerReference=PAYER-" + number).json().get("items")).hasSize(1);
        assertThat(operator.get("/api/messages?providerReference=" + claim.get("providerReference").asText()).json()
                .get("items")).hasSize(1);
        assertThat(message.get("enrolleeNumber").asText()).isEqualTo(claim.at("/patient/enrolleeNumber").asText()).isNotBlank();
        assertThat(operator.get("/api/messages?claimNumber=" + number + "&text=" + number).json().get("items")).hasSize(1);
        assertThat(operator.get("/api/messages/" + message.get("id").asLong() + "/payload").text()).contains("\"ref\":\"" + number + "\"");
        assertThat(billing.get("/api/messages?claimNumber=" + number).status()).isEqualTo(403);
    }

    @Test
    void stopping_camel_mid_flow_and_starting_it_again_loses_nothing_and_sends_nothing_twice() throws Exception {
        List<String> numbers = new ArrayList<>();
        HTTP.hold();
        CompletableFuture<Void> stopping;
        try {
            for (int i = 0; i < 3; i++) {
                numbers.add(submitted("acme-hmo", "CONS-GP").get("claimNumber").asText());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.waiting() >= 1);
            stopping = CompletableFuture.runAsync(() -> {
                try {
                    camel.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            HTTP.release();
        }
        stopping.get();
        try {
            for (int i = 0; i < 2; i++) {
                numbers.add(submitted("acme-hmo", "LAB-MP").get("claimNumber").asText());
            }
        } finally {
            camel.start();
        }

        for (String number : numbers) {
            await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.accepted(number).size() >= 1);
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> numbers.stream().allMatch(n -> HTTP.accepted(n).size() == 1));
    }

    @Test
    void claims_submitted_together_travel_in_one_message_per_payer_and_a_failing_one_resends_only_itself() throws Exception {
        // Four Acme claims in one message: delivered, failing once (503), refused (400), delivered.
        List<String> acme = new ArrayList<>();
        String harmony;
        List<String> messages;
        camel.getRouteController().stopRoute("outbox-relay");
        camel.getRouteController().stopRoute("dispatch");
        try {
            for (int i = 0; i < 4; i++) {
                acme.add(submitted("acme-hmo", "CONS-GP").get("claimNumber").asText());
            }
            harmony = submitted("harmony-care", "CONS-GP").get("claimNumber").asText();
            HTTP.script(acme.get(1), 503);
            HTTP.script(acme.get(2), 400);
            relay.publishPending();
            messages = claimNumbersOnTheOutboundQueue();
        } finally {
            camel.getRouteController().startRoute("dispatch");
            camel.getRouteController().startRoute("outbox-relay");
        }
        assertThat(messages).contains("," + String.join(",", acme) + ",", "," + harmony + ",");

        for (String number : List.of(acme.get(0), acme.get(1), acme.get(3), harmony)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(number).contains("DELIVERED"));
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> HTTP.accepted(acme.get(0)).size() == 1
                && HTTP.accepted(acme.get(1)).size() == 1 && HTTP.accepted(acme.get(3)).size() == 1);
        // The claims settled the first time (delivered, or refused) are skipped quietly when the batch
        // comes back for its failed one: had the refused claim gone again, Acme would have taken it (201).
        assertThat(attempts(acme.get(0))).containsExactly("DELIVERED");
        assertThat(attempts(acme.get(1))).containsExactly("FAILED", "DELIVERED");
        assertThat(attempts(acme.get(2))).containsExactly("REFUSED");
        assertThat(HTTP.accepted(acme.get(2))).isEmpty();
        assertThat(attempts(acme.get(3))).containsExactly("DELIVERED");
    }

    @Test
    void each_claim_of_a_batch_is_recorded_delivered_as_soon_as_its_payer_has_it() throws Exception {
        List<String> batch = twoInOneBatch(HTTP::holdOnly);
        String first = batch.get(0);
        String second = batch.get(1);
        try {
            // While the payer keeps the batch's second claim waiting, the first is already on record:
            // had the hub stopped here, a redelivered batch would not send it again.
            await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.waiting() >= 1);
            assertThat(attempts(first)).containsExactly("DELIVERED");
            assertThat(attempts(second)).containsExactly("IN_FLIGHT");
        } finally {
            HTTP.release();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(second).contains("DELIVERED"));
    }

    @Test
    void a_dead_lettered_claim_of_a_batch_is_listed_and_replayed_alone() throws Exception {
        List<String> batch = twoInOneBatch(second -> HTTP.script(second, 503, 503, 503, 503));
        String delivered = batch.get(0);
        String failing = batch.get(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(failing).contains("DEAD_LETTERED"));
        // The attempt is recorded given up before the broker moves the message to the dead-letter queue.
        List<String> listed = await().atMost(Duration.ofSeconds(20)).until(
                () -> operator.get("/api/operations/dead-letters").json().findValuesAsText("claimNumber"), l -> l.contains(failing));
        assertThat(listed).contains(failing).doesNotContain(delivered);

        Api.Response replay = operator.post("/api/operations/dead-letters/replay?claimNumber=" + failing, "");
        assertThat(replay.json().get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(failing).contains("DELIVERED"));
        assertThat(HTTP.accepted(failing)).hasSize(1);
        assertThat(HTTP.accepted(delivered)).hasSize(1);
        assertThat(attempts(delivered)).containsExactly("DELIVERED");
        assertThat(operator.get("/api/operations/dead-letters").json().findValuesAsText("claimNumber"))
                .doesNotContain(failing, delivered);
    }

    @Test
    void a_message_that_cannot_be_read_is_retried_dead_lettered_and_shown_to_operators() {
        String number = UnreadableMessages.send(jms);

        await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/api/notifications?unread=true&size=200").json()
                .findValuesAsText("message").stream().anyMatch(m -> m.contains(number) && m.contains("given up")));
        JsonNode letter = await().atMost(Duration.ofSeconds(10)).until(() -> deadLetter(number), java.util.Objects::nonNull);
        assertThat(letter.get("problem").asText()).contains("cannot be read");
        // Replaying it would only fail again: it stays for a person to look at.
        assertThat(operator.post("/api/operations/dead-letters/replay?claimNumber=" + number, "").json().get("replayed").asInt())
                .isZero();
        assertThat(deadLetter(number)).isNotNull();
    }

    private JsonNode deadLetter(String claimNumber) {
        for (JsonNode letter : operator.get("/api/operations/dead-letters").json()) {
            if (claimNumber.equals(letter.path("claimNumber").asText())) {
                return letter;
            }
        }
        return null;
    }

    /** The claimNumbers property of each message waiting on claims.outbound (",CLM-1,CLM-2,"). */
    private List<String> claimNumbersOnTheOutboundQueue() {
        return jms.browse("claims.outbound", (session, browser) -> {
            List<String> found = new ArrayList<>();
            for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
                found.add(((jakarta.jms.Message) e.nextElement()).getStringProperty("claimNumbers"));
            }
            return found;
        });
    }

    /** Two Acme claims submitted while the relay waits, so they travel in one message; the payer is readied for the second first. */
    private List<String> twoInOneBatch(java.util.function.Consumer<String> readyPayerForSecond) throws Exception {
        camel.getRouteController().stopRoute("outbox-relay");
        try {
            String first = submitted("acme-hmo", "CONS-GP").get("claimNumber").asText();
            JsonNode claim = draftFor("acme-hmo", "LAB-MP");
            String second = claim.get("claimNumber").asText();
            readyPayerForSecond.accept(second);
            submit(claim);
            return List.of(first, second);
        } finally {
            camel.getRouteController().startRoute("outbox-relay");
        }
    }

    private JsonNode submitted(String payer, String... codes) {
        JsonNode claim = draftFor(payer, codes);
        submit(claim);
        return claim;
    }

    private JsonNode draftFor(String payer, String... codes) {
        Enrollee patient = fixtures.enrollee(payer);
        JsonNode claim = draft(billing, visit(billing, patient, codes));
        Api.Response attached = billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf", PDF,
                "type", "REFERRAL_LETTER");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        return attached.json();
    }

    private void submit(JsonNode claim) {
        Api.Response submitted = billing.post(claimPath(claim) + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    }

    private JsonNode awaitDelivery(JsonNode claim, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> billing.get(claimPath(claim)).json(),
                c -> status.equals(c.at("/delivery/status").asText()));
    }

    private List<String> attempts(String claimNumber) {
        List<String> outcomes = new ArrayList<>(operator.get("/api/messages?claimNumber=" + claimNumber).json()
                .get("items").findValuesAsText("outcome"));
        java.util.Collections.reverse(outcomes);
        return outcomes;
    }

    private MimeMessage mailFor(String claimNumber) throws Exception {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(claimNumber);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst().orElse(null);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
