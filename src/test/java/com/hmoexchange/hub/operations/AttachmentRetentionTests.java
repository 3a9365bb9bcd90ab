package com.hmoexchange.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PracticeApiTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The files attached to claims, on PostgreSQL: a claim closed (decided and paid, or rejected) for longer than
 * hub.operations.retention.closed-claim-attachments loses its files but keeps the record of them; a claim still
 * open, closed recently, or sharing its file with an open resubmission keeps them. The files of a pre-authorisation
 * request follow the same period from its decision.
 */
class AttachmentRetentionTests extends PracticeApiTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Retention retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void the_files_of_a_claim_closed_past_retention_go_and_the_record_of_them_stays() throws Exception {
        Instant now = clock.instant();
        Instant longAgo = now.minus(Duration.ofDays(800));
        JsonNode paid = attachedDraft();
        close(paid, "APPROVED", "PAID", longAgo);
        JsonNode stillOwed = attachedDraft();
        close(stillOwed, "APPROVED", "PARTIALLY_PAID", longAgo);
        JsonNode paidLately = attachedDraft();
        close(paidLately, "PARTIAL", "PAID", now.minus(Duration.ofDays(10)));
        JsonNode rejected = attachedDraft();
        close(rejected, "REJECTED", "UNPAID", longAgo);
        JsonNode rejectedAndResubmitted = attachedDraft();
        close(rejectedAndResubmitted, "REJECTED", "UNPAID", longAgo);
        Api.Response resubmission = billing.post(claimPath(rejectedAndResubmitted) + "/resubmission", "");
        assertThat(resubmission.status()).as(resubmission.toString()).isEqualTo(201);

        retention.run(now);

        JsonNode removed = billing.get(claimPath(paid)).json().get("attachments").get(0);
        assertThat(removed.get("fileName").asText()).isEqualTo("referral.pdf");
        assertThat(removed.get("type").asText()).isEqualTo("REFERRAL_LETTER");
        assertThat(removed.get("sha256").asText()).hasSize(64);
        assertThat(Instant.parse(removed.get("contentRemovedAt").asText())).isAfterOrEqualTo(now.minusSeconds(60));
        Api.Response download = billing.get(claimPath(paid) + "/attachments/" + removed.get("id").asLong());
        assertThat(download.status()).isEqualTo(409);
        assertThat(download.json().get("detail").asText()).contains("referral.pdf was removed by retention on "
                + com.hmoexchange.hub.web.Display.in(java.time.ZoneId.of("Africa/Lagos"))
                        .day(java.time.Instant.parse(removed.get("contentRemovedAt").asText())) + ", after claim")
                .doesNotContain("Exception");
        assertThat(signedInPage(practice.billing(), "/billing/claims/" + paid.get("id").asLong()))
                .contains("removed by retention on " + com.hmoexchange.hub.web.Display.in(java.time.ZoneId.of("Africa/Lagos"))
                        .when(java.time.Instant.parse(removed.get("contentRemovedAt").asText())));
        assertThat(fileRemoved(rejected)).isTrue();

        assertThat(fileRemoved(stillOwed)).isFalse();
        assertThat(fileRemoved(paidLately)).isFalse();
        assertThat(fileRemoved(rejectedAndResubmitted)).as("its file is shared with the open resubmission").isFalse();
        JsonNode kept = billing.get(claimPath(stillOwed)).json().get("attachments").get(0);
        assertThat(billing.get(claimPath(stillOwed) + "/attachments/" + kept.get("id").asLong()).body()).isEqualTo(PDF);
        assertThat(jdbc.queryForObject("select rows_touched from retention_run where store = 'closed-claim-attachments' "
                + "and started_at >= ? order by id desc limit 1", Long.class, Timestamp.from(now))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_resubmission_of_a_claim_whose_files_were_removed_starts_without_them() {
        JsonNode rejected = attachedDraft();
        close(rejected, "REJECTED", "UNPAID", clock.instant().minus(Duration.ofDays(800)));
        retention.run(clock.instant());

        Api.Response resubmission = billing.post(claimPath(rejected) + "/resubmission", "");

        assertThat(resubmission.status()).as(resubmission.toString()).isEqualTo(201);
        assertThat(resubmission.json().get("attachments")).isEmpty();
        assertThat(resubmission.json().get("missingAttachments").get(0).asText()).isEqualTo("REFERRAL_LETTER");
    }

    @Test
    void a_file_a_resubmission_took_up_after_the_run_chose_it_is_not_removed() {
        Instant longAgo = clock.instant().minus(Duration.ofDays(800));
        JsonNode rejected = attachedDraft();
        close(rejected, "REJECTED", "UNPAID", longAgo);
        long chosen = jdbc.queryForObject("select content_id from claim_attachment where claim_id = ?", Long.class,
                rejected.get("id").asLong());
        JsonNode resubmission = billing.post(claimPath(rejected) + "/resubmission", "").json();

        boolean removed = retention.removeContents(List.of(chosen), clock.instant(),
                Timestamp.from(clock.instant().minus(Duration.ofDays(730))));

        assertThat(removed).isFalse();
        assertThat(fileRemoved(rejected)).isFalse();
        JsonNode copy = resubmission.get("attachments").get(0);
        assertThat(billing.get(claimPath(resubmission) + "/attachments/" + copy.get("id").asLong()).body()).isEqualTo(PDF);
    }

    @Test
    void the_files_of_a_preauthorisation_decided_past_retention_go_and_an_open_requests_stay() {
        Instant now = clock.instant();
        String decidedLongAgo = preAuthWithFile();
        String decidedLately = preAuthWithFile();
        String open = preAuthWithFile();
        decide(decidedLongAgo, now.minus(Duration.ofDays(800)));
        decide(decidedLately, now.minus(Duration.ofDays(10)));

        retention.run(now);

        JsonNode removed = billing.get("/api/preauthorisations/" + decidedLongAgo).json().get("attachments").get(0);
        assertThat(removed.get("fileName").asText()).isEqualTo("referral.pdf");
        assertThat(removed.get("sha256").asText()).hasSize(64);
        assertThat(removed.get("contentRemovedAt").isNull()).isFalse();
        Api.Response download = billing.get("/api/preauthorisations/" + decidedLongAgo + "/attachments/" + removed.get("id").asLong());
        assertThat(download.status()).isEqualTo(409);
        assertThat(download.json().get("detail").asText()).contains("referral.pdf was removed by retention on "
                + com.hmoexchange.hub.web.Display.in(java.time.ZoneId.of("Africa/Lagos"))
                        .day(java.time.Instant.parse(removed.get("contentRemovedAt").asText())) + ", after request");
        for (String kept : List.of(decidedLately, open)) {
            JsonNode file = billing.get("/api/preauthorisations/" + kept).json().get("attachments").get(0);
            assertThat(file.get("contentRemovedAt").isNull()).as(kept).isTrue();
            assertThat(billing.get("/api/preauthorisations/" + kept + "/attachments/" + file.get("id").asLong()).body())
                    .isEqualTo(PDF);
        }
        assertThat(jdbc.queryForObject("select rows_touched from retention_run where store = 'decided-preauth-attachments' "
                + "and started_at >= ? order by id desc limit 1", Long.class, Timestamp.from(now))).isGreaterThanOrEqualTo(1);
    }

    /** A pre-authorisation request to Acme (decided at its desk) with a referral letter; returns its reference. */
    private String preAuthWithFile() {
        Api.Response made = billing.multipart("/api/preauthorisations", Api.Part.json("request", java.util.Map.of(
                "enrolleeNumber", patient.getEnrolleeNumber(), "urgency", "ROUTINE", "diagnoses", List.of("K35.8"),
                "services", List.of(java.util.Map.of("code", "CONS-GP", "description", "Review", "quantity", 1, "unitPrice", "5000.00")))),
                Api.Part.file("files", "referral.pdf", "application/pdf", PDF));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json().get("reference").asText();
    }

    /** Where the desk's decline would have left the request, at {@code at}. */
    private void decide(String reference, Instant at) {
        // Asked an hour before its decision, as a real one would be: the HMO measures read decision times from these.
        jdbc.update("update preauthorisation set status = 'DECLINED', decision_reason = 'test', decided_by = 'test', "
                + "decided_at = ?, requested_at = ? where reference = ?", Timestamp.from(at),
                Timestamp.from(at.minus(Duration.ofHours(1))), reference);
    }

    /** A Harmony Care draft (Harmony requires a referral letter) with one attached. */
    private JsonNode attachedDraft() {
        Enrollee member = fixtures.enrollee("harmony-care");
        JsonNode claim = draft(billing, visit(billing, member, "CONS-GP"));
        Api.Response attached = billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf", PDF,
                "type", "REFERRAL_LETTER");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        return attached.json();
    }

    /** Brings the claim to where the payer's answers and payments would have left it, at {@code at}. */
    private void close(JsonNode claim, String status, String paymentStatus, Instant at) {
        jdbc.update("update claim set status = ?, payment_status = ?, submitted_at = ?, last_activity_at = ? where id = ?",
                status, paymentStatus, Timestamp.from(at), Timestamp.from(at), claim.get("id").asLong());
    }

    /** The page as the user sees it after signing in with the form. */
    private String signedInPage(String username, String path) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String signIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signIn);
        assertThat(csrf.find()).isTrue();
        String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + Fixtures.PASSWORD;
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.discarding());
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private boolean fileRemoved(JsonNode claim) {
        return jdbc.queryForObject("select count(*) from claim_attachment where claim_id = ? and content_removed_at is not null "
                + "and content_id is null", Long.class, claim.get("id").asLong()) > 0;
    }
}
