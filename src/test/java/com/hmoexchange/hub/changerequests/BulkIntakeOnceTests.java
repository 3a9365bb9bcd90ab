package com.hmoexchange.hub.changerequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.TestMail;
import com.hmoexchange.hub.support.TestMail.Mail;
import com.hmoexchange.hub.support.TestSftp;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Client bulk files and emails are taken once even when the intake is cut short or the same content comes
 * again: an upload still being written is left alone, the same content is requested once, and an email's
 * "already taken" mark is only committed with its work.
 */
class BulkIntakeOnceTests extends ApiTest {

    private static final Pattern COUNTS = Pattern.compile("(\\d+) taken, (\\d+) refused");

    @Autowired
    JdbcTemplate sql;
    @Autowired
    DataSource dataSource;

    @Test
    void the_same_content_dropped_twice_under_other_names_is_requested_once() {
        ClientSetup s = fixtures.client("acme-hmo");
        String csv = "kind,enrolleeNumber,firstName\nEDIT_DETAILS," + s.child().getEnrolleeNumber() + ",Kemi-Ola\n";

        TestSftp.upload(s.client().getCode(), "monday.csv", csv, null);
        TestMail.awaitMail(s.client().getContactEmail(), "Bulk requests monday.csv");
        TestSftp.upload(s.client().getCode(), "monday-again.csv", csv, null);

        Mail again = TestMail.awaitMail(s.client().getContactEmail(), "Bulk requests monday-again.csv");
        assertThat(again.subject()).contains("0 taken, 1 refused");
        assertThat(again.body()).contains("line 2: already taken from a file with the same content");
        assertThat(as(s.user()).get("/api/portal/requests").json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void a_file_still_being_uploaded_is_left_until_it_is_complete_and_then_taken_whole() throws Exception {
        ClientSetup s = fixtures.client("acme-hmo");
        Path file = Files.createDirectories(TestSftp.root().resolve(TestSftp.INTAKE).resolve(s.client().getCode())).resolve("slow.csv");
        int rows = 10;
        AtomicInteger written = new AtomicInteger();
        Files.writeString(file, "kind,enrolleeNumber,firstName\n", StandardCharsets.UTF_8);
        // A slow client: one row every 250 ms, written in place under the file's final name.
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            writer.scheduleAtFixedRate(() -> {
                int row = written.get();
                if (row < rows) {
                    try {
                        Files.writeString(file, "EDIT_DETAILS," + s.child().getEnrolleeNumber() + ",Name" + row + "\n",
                                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        written.incrementAndGet();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, 250, 250, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> written.get() == rows);
        } finally {
            writer.shutdownNow();
        }

        Mail report = TestMail.awaitMail(s.client().getContactEmail(), "Bulk requests slow.csv");
        Matcher counts = COUNTS.matcher(report.subject());
        assertThat(counts.find()).as(report.subject()).isTrue();
        assertThat(Integer.parseInt(counts.group(1)) + Integer.parseInt(counts.group(2))).as(report.subject()).isEqualTo(rows);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(file));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> TestMail.to(s.client().getContactEmail()).stream().filter(m -> m.subject().contains("slow.csv")).count() == 1);
    }

    @Test
    void an_emails_taken_mark_is_not_committed_before_its_work() throws Exception {
        ClientSetup s = fixtures.client("acme-hmo");
        String messageId = "<" + GreenMailUtil.random() + "@client.example>";
        String csv = "kind,enrolleeNumber,firstName\nEDIT_DETAILS," + s.child().getEnrolleeNumber() + ",Kemi-Ola\n";
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // The mail's work cannot commit while this is held: the hub is "mid-mail", as when it crashed there.
                lock.execute("lock table change_request in share row exclusive mode");
            }
            Transport.send(emailWithCsv(s.user(), "midway.csv", csv, messageId));
            await().atMost(Duration.ofSeconds(20)).until(() -> sql.queryForObject("""
                    select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                    where c.relname = 'change_request' and not l.granted""", Integer.class) > 0);

            assertThat(takenMarks(messageId)).as("the mail's mark while its work is not committed").isZero();
            blocker.rollback();
        }
        TestMail.awaitMail(s.user(), "Bulk requests midway.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> takenMarks(messageId) == 1);
        assertThat(as(s.user()).get("/api/portal/requests").json().get("totalItems").asLong()).isEqualTo(1);
    }

    private int takenMarks(String messageId) throws Exception {
        String key = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8)));
        return sql.queryForObject("select count(*) from camel_messageprocessed where messageid = ?", Integer.class, key);
    }

    private static MimeMessage emailWithCsv(String from, String fileName, String csv, String messageId) throws Exception {
        return TestMail.toIntakeWithCsv(from, "Staff changes", "Please find our changes attached.", fileName, csv, messageId);
    }
}
