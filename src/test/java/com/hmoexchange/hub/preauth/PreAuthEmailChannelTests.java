package com.hmoexchange.hub.preauth;

import static com.hmoexchange.hub.preauth.PreAuthTestParts.ask;
import static com.hmoexchange.hub.preauth.PreAuthTestParts.body;
import static com.hmoexchange.hub.preauth.PreAuthTestParts.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.FhirPreAuthPayer;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.TestMail;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The email channel (payer.yaml {@code preauthorisation.mode: email}; Harmony in tests): the request is mailed to the
 * payer's address with the FHIR Claim attached; the payer's ClaimResponse comes back to the hub's answers mailbox for
 * it on the test mail server (GreenMail, IMAP), passes the mailbox's sender and DKIM/DMARC rules, and is matched by
 * the request's reference. An answer naming no request becomes an exceptions item; one from a stranger is held.
 */
class PreAuthEmailChannelTests extends ApiTest {

    private static final String HARMONY = "harmony-care";

    @Autowired
    ProviderRepository providers;

    /** Asks Harmony for a code and returns the FHIR Claim it was mailed, once it is on the mail server. */
    private Claim mailedRequest(String ref) throws Exception {
        MimeMessage mailed = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(PayerSandboxes.MAIL.getReceivedMessages())
                .filter(m -> subject(m).equals("Pre-authorisation request " + ref)).findFirst().orElse(null), m -> m != null);
        assertThat(mailed.getAllRecipients()[0].toString()).isEqualTo(PayerSandboxes.HARMONY_PREAUTH_DESK);
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mailed.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if ((ref + ".fhir.json").equals(parts.getBodyPart(i).getFileName())) {
                String json = new String(parts.getBodyPart(i).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().parseResource(Claim.class, json);
            }
        }
        throw new AssertionError("no " + ref + ".fhir.json attached");
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static void answer(String from, ClaimResponse response, boolean authenticated) throws Exception {
        MimeMessage mail = TestMail.mail(from, PayerSandboxes.HARMONY_ANSWERS, "Re: pre-authorisation", "answer.fhir.json",
                "application/fhir+json", FhirPreAuthPayer.encode(response));
        Transport.send(authenticated ? TestMail.authenticated(mail) : mail);
    }

    private String askHarmony(Api billing) {
        return ask(billing, body(fixtures.enrollee(HARMONY), "URGENT", service("SURG-APP", 1, "250000.00"))).get("reference").asText();
    }

    @Test
    void the_request_is_mailed_with_the_fhir_claim_and_the_payers_mailed_answer_approves_it() throws Exception {
        Api billing = as(PreAuthTestParts.practice(fixtures, providers, HARMONY).billing());
        String ref = askHarmony(billing);

        Claim sent = mailedRequest(ref);
        assertThat(sent.getUse()).isEqualTo(Claim.Use.PREAUTHORIZATION);
        assertThat(FhirPreAuthPayer.reference(sent)).isEqualTo(ref);
        answer("decisions@harmony.test", FhirPreAuthPayer.approval(sent, ref, "HCI-PA-" + ref), true);

        JsonNode approved = await().atMost(Duration.ofSeconds(30)).until(() -> billing.get("/api/preauthorisations/" + ref).json(),
                p -> !"REQUESTED".equals(p.get("status").asText()));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("code").asText()).isEqualTo("HCI-PA-" + ref);
        assertThat(approved.get("decidedBy").asText()).contains("Harmony");
    }

    @Test
    void the_practices_files_are_the_mails_attachments_and_the_claim_names_them() throws Exception {
        Api billing = as(PreAuthTestParts.practice(fixtures, providers, HARMONY).billing());
        Api.Response made = billing.multipart("/api/preauthorisations", Api.Part.json("request", body(fixtures.enrollee(HARMONY),
                "URGENT", service("SURG-APP", 1, "250000.00"))), Api.Part.file("files", "referral.pdf", "application/pdf",
                PreAuthAttachmentTests.PDF));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String ref = made.json().get("reference").asText();

        Claim sent = mailedRequest(ref);

        MimeMessage mailed = Arrays.stream(PayerSandboxes.MAIL.getReceivedMessages())
                .filter(m -> subject(m).equals("Pre-authorisation request " + ref)).findFirst().orElseThrow();
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mailed.getContent();
        byte[] attached = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if ("referral.pdf".equals(parts.getBodyPart(i).getFileName())) {
                assertThat(parts.getBodyPart(i).getContentType()).startsWith("application/pdf");
                attached = parts.getBodyPart(i).getInputStream().readAllBytes();
            }
        }
        assertThat(attached).as("the file is the mail's attachment").isEqualTo(PreAuthAttachmentTests.PDF);
        org.hl7.fhir.r4.model.Attachment named = sent.getSupportingInfo().stream()
                .filter(i -> i.getCategory().getCodingFirstRep().getCode().equals("attachment")).findFirst().orElseThrow()
                .getValueAttachment();
        assertThat(named.getTitle()).isEqualTo("referral.pdf");
        assertThat(named.getContentType()).isEqualTo("application/pdf");
        assertThat(named.getSize()).isEqualTo(PreAuthAttachmentTests.PDF.length);
        assertThat(named.hasData()).as("not carried twice").isFalse();
    }

    @Test
    void a_mailed_answer_naming_no_request_becomes_an_exceptions_item_and_one_from_a_stranger_is_held() throws Exception {
        Api billing = as(PreAuthTestParts.practice(fixtures, providers, HARMONY).billing());
        String ref = askHarmony(billing);
        Claim sent = mailedRequest(ref);

        answer("decisions@harmony.test", FhirPreAuthPayer.approval(sent, null, "HCI-ORPHAN-" + ref), true);
        answer("someone@elsewhere.test", FhirPreAuthPayer.approval(sent, ref, "HCI-STRANGER-" + ref), true);

        Api operator = as(fixtures.operator());
        JsonNode items = await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/api/exceptions?status=OPEN&payer=" + HARMONY)
                .json(), list -> list.toString().contains("HCI-ORPHAN-" + ref));
        assertThat(items.findValuesAsText("kind")).contains("preauth-unmatched");
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/api/operations/held-mails").text().contains("someone@elsewhere.test"));
        JsonNode unchanged = billing.get("/api/preauthorisations/" + ref).json();
        assertThat(unchanged.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(unchanged.get("code").isNull()).isTrue();
    }
}
