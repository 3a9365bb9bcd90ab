package com.hmoexchange.hub.preauth;

import static com.hmoexchange.hub.preauth.PreAuthTestParts.body;
import static com.hmoexchange.hub.preauth.PreAuthTestParts.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Api.Part;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files on pre-authorisation requests (issue 18 item 2) through the API on PostgreSQL, at Acme's desk: sent with the
 * request and with the answer to the HMO's question, listed and downloaded by the practice and its payer's HMO only;
 * a file of another type, too large, or one too many refuses the whole request or answer and nothing is kept.
 */
class PreAuthAttachmentTests extends ApiTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    ProviderRepository providers;
    @Autowired
    JdbcTemplate jdbc;

    private static Part request(Enrollee member) {
        return Part.json("request", body(member, "URGENT", service("SURG-APP", 1, "250000.00")));
    }

    private static Part file(String fileName, String type, byte[] data) {
        return Part.file("files", fileName, type, data);
    }

    private long storedContents() {
        return jdbc.queryForObject("select count(*) from attachment_content", Long.class);
    }

    @Test
    void the_practice_sends_files_with_the_request_and_its_hmo_lists_and_downloads_them() throws Exception {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("acme-hmo");

        Api.Response made = billing.multipart("/api/preauthorisations", request(member),
                file("../../referral letter.pdf", "application/pdf", PDF), file("scan.png", "image/png", PNG));

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String ref = made.json().get("reference").asText();
        assertThat(made.json().get("status").asText()).isEqualTo("REQUESTED");
        JsonNode files = made.json().get("attachments");
        assertThat(files.findValuesAsText("fileName")).as("the path dropped, the name kept as a label")
                .containsExactly("referral letter.pdf", "scan.png");
        assertThat(files.findValuesAsText("contentType")).containsExactly("application/pdf", "image/png");
        assertThat(files.get(0).get("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(files.get(0).get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(files.get(0).get("withAnswer").asBoolean()).isFalse();
        long pdfId = files.get(0).get("id").asLong();

        Api desk = as(fixtures.hmoAdmin("acme-hmo"));
        JsonNode seen = desk.get("/api/hmo/preauthorisations/" + ref).json();
        assertThat(seen.get("attachments").findValuesAsText("fileName")).containsExactly("referral letter.pdf", "scan.png");
        Api.Response download = desk.get("/api/hmo/preauthorisations/" + ref + "/attachments/" + pdfId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.header("Content-Type")).startsWith("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains("referral letter.pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Api.Response own = billing.get("/api/preauthorisations/" + ref + "/attachments/" + files.get(1).get("id").asLong());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(PNG);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ATTACHMENT_DOWNLOADED' "
                + "and object_type = 'preauthorisation-attachment' and object_id = ?", Long.class, String.valueOf(pdfId)))
                .as("each download is audited").isEqualTo(1);
    }

    @Test
    void another_hmo_another_practice_and_the_wrong_side_are_refused_the_files() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Enrollee member = fixtures.enrollee("acme-hmo");
        Api.Response made = as(practice.billing()).multipart("/api/preauthorisations", request(member),
                file("referral.pdf", "application/pdf", PDF));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String ref = made.json().get("reference").asText();
        long id = made.json().at("/attachments/0/id").asLong();

        Api otherHmo = as(fixtures.hmoAdmin("crestline-health"));
        Api.Response crestline = otherHmo.get("/api/hmo/preauthorisations/" + ref + "/attachments/" + id);
        assertThat(crestline.status()).isEqualTo(404);
        assertThat(crestline.text()).doesNotContain("%PDF");
        Api otherPractice = as(PreAuthTestParts.practice(fixtures, providers).billing());
        assertThat(otherPractice.get("/api/preauthorisations/" + ref + "/attachments/" + id).status()).isEqualTo(404);
        assertThat(as(practice.billing()).get("/api/hmo/preauthorisations/" + ref + "/attachments/" + id).status())
                .as("a practice cannot use the desk's address").isEqualTo(403);

        // A file of another of the practice's requests is not found under this one.
        Api.Response second = as(practice.billing()).multipart("/api/preauthorisations", request(member),
                file("other.pdf", "application/pdf", PDF));
        long otherId = second.json().at("/attachments/0/id").asLong();
        assertThat(as(fixtures.hmoAdmin("acme-hmo")).get("/api/hmo/preauthorisations/" + ref + "/attachments/" + otherId)
                .status()).isEqualTo(404);
    }

    @Test
    void a_file_of_another_type_too_large_or_one_too_many_refuses_the_request_and_nothing_is_kept() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("acme-hmo");
        long contentsBefore = storedContents();

        Api.Response wrongType = billing.multipart("/api/preauthorisations", request(member),
                file("referral.pdf", "application/pdf", PDF),
                file("notes.pdf", "application/pdf", "just text, not a PDF".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(422);
        assertThat(wrongType.json().toString()).contains("files").contains("notes.pdf")
                .contains("Only PDF, JPEG and PNG files are accepted");

        byte[] huge = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        Api.Response tooLarge = billing.multipart("/api/preauthorisations", request(member),
                file("huge.pdf", "application/pdf", huge));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asText()).contains("larger than the hub accepts");

        Part[] eleven = new Part[12];
        eleven[0] = request(member);
        for (int i = 1; i < eleven.length; i++) {
            eleven[i] = file("page" + i + ".pdf", "application/pdf", PDF);
        }
        Api.Response tooMany = billing.multipart("/api/preauthorisations", eleven);
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
        assertThat(tooMany.json().toString()).contains("at most 10 files");

        assertThat(billing.get("/api/preauthorisations").json()).as("no request kept").isEmpty();
        assertThat(storedContents()).as("no file kept").isEqualTo(contentsBefore);
    }

    @Test
    void the_practice_answers_the_hmos_question_with_a_file_and_a_bad_file_changes_nothing() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("acme-hmo");
        String ref = PreAuthTestParts.ask(billing, body(member, "ROUTINE", service("SURG-APP", 1, "250000.00")))
                .get("reference").asText();
        Api desk = as(fixtures.hmoAdmin("acme-hmo"));
        assertThat(desk.post("/api/hmo/preauthorisations/" + ref + "/ask", Map.of("question", "Send the ultrasound report"))
                .status()).isEqualTo(200);
        long contentsBefore = storedContents();

        Api.Response refused = billing.multipart("/api/preauthorisations/" + ref + "/answer", Part.text("answer", "Attached"),
                file("report.docx", "application/octet-stream", "PK\u0003\u0004 word".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().toString()).contains("report.docx");
        JsonNode unchanged = billing.get("/api/preauthorisations/" + ref).json();
        assertThat(unchanged.get("status").asText()).isEqualTo("MORE_INFO_ASKED");
        assertThat(unchanged.get("answer").isNull()).isTrue();
        assertThat(unchanged.get("attachments")).isEmpty();
        assertThat(storedContents()).isEqualTo(contentsBefore);

        Api.Response answered = billing.multipart("/api/preauthorisations/" + ref + "/answer",
                Part.text("answer", "Inflamed appendix on ultrasound; report attached"),
                file("ultrasound.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2}));

        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().get("status").asText()).isEqualTo("REQUESTED");
        JsonNode seen = desk.get("/api/hmo/preauthorisations/" + ref).json();
        assertThat(seen.get("answer").asText()).startsWith("Inflamed appendix");
        assertThat(seen.get("attachments")).singleElement().satisfies(a -> {
            assertThat(a.get("fileName").asText()).isEqualTo("ultrasound.jpg");
            assertThat(a.get("contentType").asText()).isEqualTo("image/jpeg");
            assertThat(a.get("withAnswer").asBoolean()).isTrue();
            assertThat(a.get("uploadedBy").asText()).isEqualTo(practice.billing());
        });
        assertThat(desk.get("/api/hmo/preauthorisations/" + ref + "/attachments/" + seen.at("/attachments/0/id").asLong())
                .status()).isEqualTo(200);
        assertThat(billing.multipart("/api/preauthorisations/" + ref + "/answer", Part.text("answer", "more"),
                file("late.pdf", "application/pdf", PDF)).status()).as("no question open: refused").isEqualTo(409);
        assertThat(desk.get("/api/hmo/preauthorisations/" + ref).json().get("attachments")).hasSize(1);
    }

    @Test
    void a_request_without_files_as_json_still_works_and_lists_none() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        JsonNode made = PreAuthTestParts.ask(as(practice.billing()), body(fixtures.enrollee("acme-hmo"), "ROUTINE",
                service("SURG-APP", 1, "250000.00")));

        assertThat(made.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(made.get("attachments")).isEmpty();
    }

    @Test
    void the_api_description_documents_the_uploads_and_the_downloads() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");

        JsonNode ask = paths.at("/~1api~1preauthorisations/post/requestBody/content");
        assertThat(ask.has("application/json")).as(ask.toString()).isTrue();
        assertThat(ask.at("/multipart~1form-data/schema/properties").has("request")).as(ask.toString()).isTrue();
        assertThat(ask.at("/multipart~1form-data/schema/properties").has("files")).as(ask.toString()).isTrue();
        JsonNode answer = paths.at("/~1api~1preauthorisations~1{reference}~1answer/post/requestBody/content");
        assertThat(answer.has("multipart/form-data")).as(answer.toString()).isTrue();
        assertThat(paths.has("/api/preauthorisations/{reference}/attachments/{attachmentId}")).isTrue();
        assertThat(paths.has("/api/hmo/preauthorisations/{reference}/attachments/{attachmentId}")).isTrue();
    }
}
