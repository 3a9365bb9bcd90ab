package com.hmoexchange.hub.dispatch;

import static com.hmoexchange.hub.support.PayerSandboxes.HTTP;
import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.RestartablePostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub's database stops for real, mid-delivery: a PostgreSQL server of this test's own (the machine's serves
 * the other tests), stopped while one claim is at its payer and two more wait on the broker, then started again.
 * Nothing may be given up for it: the claims wait, each reaches its payer once, none uses up an attempt.
 */
@DirtiesContext // its own database: no other test may share this context
class DatabaseOutageTests extends ApiTest {

    private static RestartablePostgres database;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database().jdbcUrl());
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        // A call during the outage fails after a second instead of the pool's default 30.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    private static synchronized RestartablePostgres database() {
        if (database == null) {
            database = RestartablePostgres.started();
        }
        return database;
    }

    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcTemplate sql;

    @Test
    void a_database_outage_delays_delivery_without_using_up_attempts_or_dead_lettering() throws Exception {
        // The stand-in payers serve every test of the run: numbers of this database's own, far from the shared one's.
        sql.execute("alter sequence claim_number_seq restart with 90000001");
        Api billing = as(fixtures.practice().billing());
        String atThePayer;
        String waitingHttp;
        String waitingSftp;
        String answered;
        String callback;
        camel.getRouteController().stopRoute("outbox-relay");
        try {
            answered = submitted(billing, "acme-hmo");
            // The test publishes the claims' events itself, at the moments it needs.
            sql.update("update outbox_message set published_at = current_timestamp where published_at is null");
            publish(answered);
            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveryStatus(answered)));
            callback = "{\"event\":\"claim.status\",\"claim\":{\"ref\":\"" + answered + "\",\"reference\":\"ACME-9\","
                    + "\"state\":\"REJECTED\",\"reason\":{\"code\":\"R1\",\"message\":\"Not a covered service\"}}}";

            atThePayer = submitted(billing, "acme-hmo");
            waitingHttp = submitted(billing, "acme-hmo");
            waitingSftp = submitted(billing, "harmony-care");
            sql.update("update outbox_message set published_at = current_timestamp where published_at is null");
            HTTP.holdOnly(atThePayer);
            publish(atThePayer);
            await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.waiting() >= 1);

            database.stop();
            try {
                publish(waitingHttp);
                publish(waitingSftp);
                // The payer takes the claim while the hub cannot store that it did.
                HTTP.release();
                await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.accepted(atThePayer).size() == 1);
                // Far longer than the broker's four tries take (200 ms, doubling up to 1 s): nothing is given up meanwhile.
                await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() -> deadLetters() == 0);
                assertThat(HTTP.accepted(waitingHttp)).isEmpty();
                // A payer's callback meanwhile is told to come back later, not taken and lost.
                assertThat(callback(callback)).isEqualTo(503);
            } finally {
                database.start();
            }
        } finally {
            HTTP.release();
            camel.getRouteController().startRoute("outbox-relay");
        }

        for (String number : List.of(atThePayer, waitingHttp, waitingSftp)) {
            // The pool needs a moment to connect again: a failed look meanwhile is no answer.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "DELIVERED".equals(deliveryStatus(number)));
        }
        // The claims that waited on the broker went once each, on their first attempt.
        assertThat(HTTP.accepted(waitingHttp)).hasSize(1);
        assertThat(Files.exists(SFTP.claims().resolve(waitingSftp + "-1.csv"))).isTrue();
        assertThat(sql.queryForList("select outcome from message_record where claim_number in (?, ?)", String.class,
                waitingHttp, waitingSftp)).containsOnly("DELIVERED").hasSize(2);
        // The one at the payer when the database went: reached it, and any repeat carries the same Idempotency-Key
        // (its send's end could not be stored; docs/reliability.md); it was never given up.
        assertThat(HTTP.accepted(atThePayer)).isNotEmpty().extracting(PayerSandboxes.Received::idempotencyKey)
                .containsOnly(atThePayer + "-1");
        assertThat(sql.queryForList("select outcome from message_record where claim_number = ?", String.class, atThePayer))
                .contains("DELIVERED").doesNotContain("DEAD_LETTERED");
        assertThat(deadLetters()).isZero();
        // The payer calls back again once the hub answers: the answer is applied.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> callback(callback) == 200);
        assertThat(sql.queryForObject("select status from claim where claim_number = ?", String.class, answered)).isEqualTo("REJECTED");
    }

    private String deliveryStatus(String claimNumber) {
        return sql.queryForObject("select delivery_status from claim where claim_number = ?", String.class, claimNumber);
    }

    /** A callback signed as Acme signs them; the status code of the hub's answer. */
    private int callback(String body) throws Exception {
        long timestamp = java.time.Instant.now().getEpochSecond();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(com.hmoexchange.hub.support.PayerSandboxes.ACME_CALLBACK_SECRET
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/payers/acme-hmo/callbacks"))
                        .header("Content-Type", "application/json").header("X-Hub-Timestamp", Long.toString(timestamp))
                        .header("X-Hub-Signature", signature).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** What the outbox relay sends for a submitted claim. */
    private void publish(String claimNumber) {
        jms.send("claims.outbound", session -> {
            var message = session.createTextMessage("{\"claimNumber\":\"" + claimNumber + "\"}");
            message.setStringProperty("eventType", "ClaimSubmitted");
            message.setStringProperty("aggregateId", claimNumber);
            message.setStringProperty("claimNumbers", "," + claimNumber + ",");
            return message;
        });
    }

    private int deadLetters() {
        return jms.browse("claims.outbound.dlq", (session, browser) -> java.util.Collections.list(browser.getEnumeration()).size());
    }

    private String submitted(Api billing, String payer) {
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee(payer), "CONS-GP"));
        Api.Response attached = billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf",
                DispatchTests.PDF, "type", "REFERRAL_LETTER");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        Api.Response submitted = billing.post(claimPath(claim) + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return claim.get("claimNumber").asText();
    }
}
