package com.hmoexchange.hub.operations;

import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.PracticeApiTest;
import com.hmoexchange.hub.support.TestMail;
import com.hmoexchange.hub.support.TestSftp;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The JSON logs (HUB_LOG_FORMAT=ecs) as a log shipper reads them: while the hub sends a claim and applies its
 * payer's answer, each line names the claim, the payer and the document in its own fields, and no line
 * carries the patient's name, date of birth or enrollee number, not even from a reply mail whose subject
 * quotes them. The lines are taken with Spring Boot's own structured encoder (the one HUB_LOG_FORMAT puts on
 * the console) on an appender of this test's: the console's format is set once per JVM, by the first test
 * context, so it cannot be switched for one test class.
 */
class StructuredLogsTests extends PracticeApiTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> ecs;

    @BeforeEach
    void logInEcsJson() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        ecs = new OutputStreamAppender<>();
        ecs.setContext(context);
        ecs.setEncoder(encoder);
        ecs.setOutputStream(logged);
        ecs.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(ecs);
    }

    @AfterEach
    void stopLogging() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(ecs);
        ecs.stop();
    }

    @Test
    void a_dispatch_and_an_applied_answer_log_the_claim_payer_and_document_and_no_member_data() throws Exception {
        Enrollee member = fixtures.enrollee("harmony-care");
        JsonNode claim = draft(billing, visit(billing, member, "CONS-GP"));
        billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf",
                "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), "type", "REFERRAL_LETTER");
        String number = submitAndAwaitDelivery(billing, claim).get("claimNumber").asText();
        String file = Fixtures.unique("status") + ".csv";
        SFTP.drop(file, "CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n"
                + number + ",HCI-7,UNDER_REVIEW,,,,,\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> billing.get(claimPath(claim)).json().get("status").asText(),
                "IN_REVIEW"::equals);
        String subject = "Re: Claim " + number + " | " + member.getFirstName() + " " + member.getLastName() + " ("
                + member.getEnrolleeNumber() + ")";
        replyMail(subject, "this is not a claim response");
        await().atMost(Duration.ofSeconds(20)).until(() -> lines().stream()
                .anyMatch(l -> l.path("message").asText().contains("quarantined")
                        && "crestline-health".equals(l.path("payer").asText())));

        List<JsonNode> lines = lines();
        assertThat(lines).as("every console line is one JSON object").isNotEmpty();
        assertThat(lines).filteredOn(l -> l.path("message").asText().contains("Claim " + number + " delivered"))
                .singleElement().satisfies(l -> {
                    assertThat(l.path("claimNumber").asText()).isEqualTo(number);
                    assertThat(l.path("payer").asText()).isEqualTo("harmony-care");
                });
        assertThat(lines).filteredOn(l -> l.path("message").asText().contains("document " + file))
                .singleElement().satisfies(l -> {
                    assertThat(l.path("payer").asText()).isEqualTo("harmony-care");
                    assertThat(l.path("document").asText()).isEqualTo(file);
                    assertThat(l.path("documentId").asLong()).isPositive();
                    assertThat(l.has("claimNumber")).as("the document's line is not one claim's").isFalse();
                });
        assertThat(lines).filteredOn(l -> l.path("message").asText().contains("quarantined")
                && "crestline-health".equals(l.path("payer").asText())).singleElement()
                .satisfies(l -> assertThat(l.path("document").asText()).isEqualTo("mail body"));
        assertThat(lines).anyMatch(l -> l.at("/camel/exchangeId").isTextual() && "dispatch".equals(l.at("/camel/routeId").asText()));

        assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(member.getFirstName(), member.getEnrolleeNumber(),
                member.getDateOfBirth().toString());
    }

    @Test
    void a_clients_bulk_file_and_the_outbox_relay_log_the_client_payer_document_and_claim() throws Exception {
        ch.qos.logback.classic.Logger relay = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("com.hmoexchange.hub.outbox");
        Level before = relay.getLevel();
        // The relay tells each message it puts on the broker at DEBUG only: one line per claim would flood INFO.
        relay.setLevel(Level.DEBUG);
        try {
            ClientSetup s = fixtures.client("acme-hmo");
            String file = Fixtures.unique("staff") + ".csv";
            TestSftp.upload(s.client().getCode(), file, "kind,enrolleeNumber,firstName\nEDIT_DETAILS,"
                    + s.child().getEnrolleeNumber() + ",Kemi-Ola\n", null);
            // The intake polls every 300 ms and takes a file once it has not changed for a second: generous for a loaded machine.
            await().atMost(Duration.ofSeconds(120)).until(() -> lines().stream()
                    .anyMatch(l -> l.path("message").asText().contains("Bulk file " + file)));

            Enrollee member = fixtures.enrollee("harmony-care");
            JsonNode claim = draft(billing, visit(billing, member, "CONS-GP"));
            billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf",
                    "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), "type", "REFERRAL_LETTER");
            String number = submitAndAwaitDelivery(billing, claim).get("claimNumber").asText();

            List<JsonNode> lines = lines();
            assertThat(lines).filteredOn(l -> l.path("message").asText().contains("Bulk file " + file))
                    .singleElement().satisfies(l -> {
                        assertThat(l.path("document").asText()).isEqualTo(file);
                        assertThat(l.path("client").asText()).isEqualTo(s.client().getCode());
                        assertThat(l.path("payer").asText()).isEqualTo("acme-hmo");
                        assertThat(l.has("claimNumber")).as("a client's file is not one claim's").isFalse();
                    });
            assertThat(lines).filteredOn(l -> l.path("message").asText().contains("put on claims.outbound")
                    && number.equals(l.path("claimNumber").asText()))
                    .singleElement().satisfies(l -> assertThat(l.path("payer").asText()).isEqualTo("harmony-care"));
            assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(s.child().getEnrolleeNumber(), "Kemi-Ola",
                    member.getEnrolleeNumber(), member.getFirstName());
        } finally {
            relay.setLevel(before);
        }
    }

    /** Each line logged so far, as the JSON object it must be. */
    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logged.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private static void replyMail(String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(TestMail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("adjudication@crestline.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(PayerSandboxes.CRESTLINE_ANSWERS));
        message.setSubject(subject);
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text);
        message.setContent(new MimeMultipart(body));
        Transport.send(TestMail.authenticated(message));
    }
}
