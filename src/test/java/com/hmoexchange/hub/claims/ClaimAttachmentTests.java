package com.hmoexchange.hub.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Supporting documents: what is accepted, how it is stored, and the payer's required attachments at submit. */
class ClaimAttachmentTests extends ApiTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    Api billing;
    JsonNode claim;

    @BeforeEach
    void draftForAPayerThatWantsAReferral() {
        Practice practice = fixtures.practice();
        billing = as(practice.billing());
        Enrollee patient = fixtures.enrollee("harmony-care");
        claim = draft(billing, visit(billing, patient, "CONS-GP"));
    }

    @Test
    void submit_is_blocked_until_the_required_attachment_is_there() throws Exception {
        assertThat(claim.get("missingAttachments").get(0).asText()).isEqualTo("REFERRAL_LETTER");

        Api.Response blocked = billing.post(claimPath(claim) + "/submit", "");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("detail").asText()).contains("missing: REFERRAL_LETTER");
        assertThat(blocked.json().get("missingAttachments").get(0).asText()).isEqualTo("REFERRAL_LETTER");

        Api.Response attached = billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf", PDF,
                "type", "REFERRAL_LETTER");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        JsonNode attachment = attached.json().get("attachments").get(0);
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.get("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(attachment.get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(attached.json().get("missingAttachments")).isEmpty();

        assertThat(billing.post(claimPath(claim) + "/submit", "").json().get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void an_attachment_downloads_as_uploaded_under_a_safe_name() {
        JsonNode attached = billing.upload(claimPath(claim) + "/attachments", "../../etc/x-ray chest<1>.png", "image/png",
                PNG, "type", "XRAY").json();
        JsonNode attachment = attached.get("attachments").get(0);
        assertThat(attachment.get("fileName").asText()).isEqualTo("x-ray chest_1_.png");

        Api.Response download = billing.get(claimPath(claim) + "/attachments/" + attachment.get("id").asLong());

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("Content-Disposition")).contains("x-ray chest_1_.png");
    }

    @Test
    void a_file_that_is_not_a_pdf_jpeg_or_png_is_refused_whatever_it_claims_to_be() {
        Api.Response refused = billing.upload(claimPath(claim) + "/attachments", "letter.pdf", "application/pdf",
                "MZ this is a program".getBytes(StandardCharsets.US_ASCII), "type", "REFERRAL_LETTER");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("Only PDF, JPEG and PNG");
        assertThat(billing.get(claimPath(claim)).json().get("attachments")).isEmpty();
    }

    @Test
    void an_unknown_attachment_type_is_refused_with_the_known_types() {
        Api.Response refused = billing.upload(claimPath(claim) + "/attachments", "a.pdf", "application/pdf", PDF,
                "type", "SELFIE");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("type").contains("SELFIE");
    }

    @Test
    void a_file_over_the_size_limit_is_refused() {
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        Api.Response refused = billing.upload(claimPath(claim) + "/attachments", "big.pdf", "application/pdf", big,
                "type", "LAB_RESULT");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("code").asText()).isEqualTo("file-too-large");
    }

    @Test
    void an_attachment_can_be_removed_from_a_draft_only() {
        JsonNode attached = billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf", PDF,
                "type", "REFERRAL_LETTER").json();
        long id = attached.get("attachments").get(0).get("id").asLong();
        JsonNode second = billing.upload(claimPath(claim) + "/attachments", "plan.pdf", "application/pdf", PDF,
                "type", "TREATMENT_PLAN").json();
        long planId = second.get("attachments").get(1).get("id").asLong();

        assertThat(billing.delete(claimPath(claim) + "/attachments/" + planId).json().get("attachments")).hasSize(1);
        billing.post(claimPath(claim) + "/submit", "");
        Api.Response refused = billing.delete(claimPath(claim) + "/attachments/" + id);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("claim-not-draft");
    }
}
