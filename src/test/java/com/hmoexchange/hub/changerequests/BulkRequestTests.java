package com.hmoexchange.hub.changerequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.TestMail;
import com.hmoexchange.hub.support.TestMail.Mail;
import com.hmoexchange.hub.support.TestSftp;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BulkRequestTests extends ApiTest {

    @Test
    void a_csv_uploaded_by_sftp_becomes_requests_and_the_client_hears_which_rows_were_refused() {
        ClientSetup s = fixtures.client("acme-hmo");
        ClientSetup other = fixtures.client("acme-hmo");
        String csv = """
                kind,enrolleeNumber,relationship,firstName,lastName,dateOfBirth,note
                ADD_DEPENDENT,%1$s,CHILD,Tobi,Bakare,%2$s,new baby
                EDIT_DETAILS,%3$s,,Kemisola,,,
                TRANSFER,%1$s,,,,,
                REMOVE_DEPENDENT,%4$s,,,,,
                ADD_DEPENDENT,%1$s,SPOUSE,Second,Wife,1990-01-01,
                ADD_DEPENDENT,%1$s,CHILD,Bad,Date,14/03/2025,
                """.formatted(s.principal().getEnrolleeNumber(), LocalDate.now().minusMonths(2),
                s.child().getEnrolleeNumber(), other.spouse().getEnrolleeNumber());

        TestSftp.upload(s.client().getCode(), "staff-changes.csv", csv, null);

        Mail report = TestMail.awaitMail(s.client().getContactEmail(), "Bulk requests staff-changes.csv");
        assertThat(report.subject()).contains("2 taken, 4 refused");
        assertThat(report.body()).contains("line 4: kind 'TRANSFER' is not one of",
                "line 5: Enrollee " + other.spouse().getEnrolleeNumber() + " was not found",
                "line 6: The plan covers at most 1 spouse", "line 7: dateOfBirth '14/03/2025' is not a date");
        JsonNode pending = as(s.user()).get("/api/portal/requests?status=PENDING").json().get("items");
        assertThat(pending.findValuesAsText("kind")).containsExactlyInAnyOrder("ADD_DEPENDENT", "EDIT_DETAILS");
        assertThat(pending.findValuesAsText("channel")).containsOnly("SFTP");
        assertThat(pending.findValuesAsText("requestedBy")).containsOnly("sftp:" + s.client().getCode());
        assertThat(as(s.hmoAdmin()).get("/api/hmo/notifications").json().findValuesAsText("message"))
                .contains(s.client().getName() + " sent 2 request(s) in file staff-changes.csv");
    }

    @Test
    void a_file_of_thousands_of_bad_rows_is_reported_in_brief_and_taken_once() {
        ClientSetup s = fixtures.client("acme-hmo");
        StringBuilder csv = new StringBuilder("kind,enrolleeNumber,firstName,dateOfBirth\n")
                .append("EDIT_DETAILS,").append(s.child().getEnrolleeNumber()).append(",Kemi-Ola,\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("EDIT_DETAILS,").append(s.child().getEnrolleeNumber()).append(",Name").append(i).append(",14/03/2025\n");
        }

        TestSftp.upload(s.client().getCode(), "everyone.csv", csv.toString(), null);

        Mail report = TestMail.awaitMail(s.client().getContactEmail(), "Bulk requests everyone.csv");
        assertThat(report.subject()).contains("1 taken, 3000 refused");
        assertThat(report.body()).contains("line 3: dateOfBirth '14/03/2025' is not a date")
                .contains("... and 2800 more refused row(s)");
        // Polled again and again meanwhile (every 300 ms), the file is not taken a second time.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> as(s.user()).get("/api/portal/requests").json().get("totalItems").asLong() == 1);
        assertThat(TestMail.to(s.client().getContactEmail()).stream().filter(m -> m.subject().contains("everyone.csv"))).hasSize(1);
    }

    @Test
    void a_row_past_the_portals_limits_is_refused_not_left_for_an_approval_that_must_fail() {
        ClientSetup s = fixtures.client("acme-hmo");
        String csv = "kind,enrolleeNumber,firstName\nEDIT_DETAILS," + s.child().getEnrolleeNumber() + "," + "K".repeat(150) + "\n";

        TestSftp.upload(s.client().getCode(), "long-name.csv", csv, null);

        Mail report = TestMail.awaitMail(s.client().getContactEmail(), "Bulk requests long-name.csv");
        assertThat(report.subject()).contains("0 taken, 1 refused");
        assertThat(report.body()).contains("line 2: firstName size must be between 0 and 100");
        assertThat(as(s.user()).get("/api/portal/requests").json().get("totalItems").asLong()).isZero();
    }

    @Test
    void a_file_is_taken_once() {
        ClientSetup s = fixtures.client("acme-hmo");
        String csv = "kind,enrolleeNumber,firstName\nEDIT_DETAILS," + s.child().getEnrolleeNumber() + ",Kemi-Ola\n";
        FileTime modified = FileTime.from(Instant.parse("2026-11-01T08:00:00Z"));
        TestSftp.upload(s.client().getCode(), "once.csv", csv, modified);
        TestMail.awaitMail(s.client().getContactEmail(), "Bulk requests once.csv");

        TestSftp.upload(s.client().getCode(), "once.csv", csv, modified);
        TestSftp.upload(s.client().getCode(), "later.csv", "kind\nNOTHING\n", null);
        TestMail.awaitMail(s.client().getContactEmail(), "Bulk requests later.csv");

        assertThat(TestMail.to(s.client().getContactEmail()).stream().filter(m -> m.subject().contains("once.csv"))).hasSize(1);
        assertThat(as(s.user()).get("/api/portal/requests").json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void a_client_user_emails_a_csv_to_the_intake_address_and_the_same_email_is_taken_once() throws Exception {
        ClientSetup s = fixtures.client("acme-hmo");
        String csv = "kind,enrolleeNumber,primaryProvider\nCHANGE_PRIMARY_PROVIDER," + s.principal().getEnrolleeNumber()
                + "," + fixtures.practice().provider().getCode() + "\nREMOVE_DEPENDENT," + s.principal().getEnrolleeNumber() + ",\n";
        MimeMessage email = emailWithCsv(s.user(), "changes.csv", csv);

        Transport.send(email);
        Transport.send(email);

        Mail reply = TestMail.awaitMail(s.user(), "Bulk requests changes.csv");
        assertThat(reply.subject()).contains("1 taken, 1 refused");
        assertThat(reply.body()).contains("line 3: " + s.principal().getEnrolleeNumber() + " is a principal");
        Transport.send(emailWithCsv(s.user(), "next.csv", "kind\n"));
        TestMail.awaitMail(s.user(), "Bulk requests next.csv");
        assertThat(TestMail.to(s.user()).stream().filter(m -> m.subject().contains("changes.csv"))).hasSize(1);
        JsonNode requests = as(s.user()).get("/api/portal/requests").json();
        assertThat(requests.get("items").findValuesAsText("channel")).containsExactly("EMAIL");
    }

    @Test
    void an_email_with_a_very_long_message_id_is_taken_once() throws Exception {
        ClientSetup s = fixtures.client("acme-hmo");
        String csv = "kind,enrolleeNumber,firstName\nEDIT_DETAILS," + s.child().getEnrolleeNumber() + ",Kemi-Ola\n";
        // Longer than the idempotent repository's column: any sender may write such a header.
        MimeMessage email = emailWithCsv(s.user(), "long-id.csv", csv,
                "<" + "x".repeat(600) + GreenMailUtil.random() + "@client.example>");

        Transport.send(email);
        Transport.send(email);

        TestMail.awaitMail(s.user(), "Bulk requests long-id.csv");
        Transport.send(emailWithCsv(s.user(), "after-long-id.csv", "kind\n"));
        TestMail.awaitMail(s.user(), "Bulk requests after-long-id.csv");
        assertThat(TestMail.to(s.user()).stream().filter(m -> m.subject().contains("long-id.csv") && !m.subject().contains("after"))).hasSize(1);
        assertThat(as(s.user()).get("/api/portal/requests").json().get("totalItems").asLong()).isEqualTo(1);
    }

    private static MimeMessage emailWithCsv(String from, String fileName, String csv) throws Exception {
        return emailWithCsv(from, fileName, csv, "<" + GreenMailUtil.random() + "@client.example>");
    }

    private static MimeMessage emailWithCsv(String from, String fileName, String csv, String messageId) throws Exception {
        return TestMail.toIntakeWithCsv(from, "Staff changes", "Please find our changes attached.", fileName, csv, messageId);
    }
}
