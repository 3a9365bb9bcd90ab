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
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Channel mode end to end (issue 18, item 2): Crestline's pre-authorisation endpoint is a real HTTP server speaking FHIR
 * (support/FhirPreAuthPayer). The hub POSTs the request as a Claim with use = preauthorization and applies the payer's
 * ClaimResponse: approved, approved in part, declined, queued; a payer that cannot be reached gets it again from the
 * clock; an answer that names no request goes to the exceptions list and changes nothing.
 */
class PreAuthChannelTests extends ApiTest {

    private static final FhirPreAuthPayer PAYER = PayerSandboxes.PREAUTH;

    @Autowired
    ProviderRepository providers;
    @Autowired
    PreAuthClock preAuthClock;
    @Autowired
    Clock clock;

    @AfterEach
    void payerApprovesAgain() {
        PAYER.approveEverything();
    }

    private Api billing() {
        return as(PreAuthTestParts.practice(fixtures, providers, "crestline-health").billing());
    }

    /** Asks Crestline for an appendicectomy and three drug courses; returns the reference. */
    private String askCrestline(Api billing) {
        return ask(billing, body(fixtures.enrollee("crestline-health"), "URGENT", service("SURG-APP", 1, "90000.00"),
                service("DRUG-ACT", 3, "4500.00"))).get("reference").asText();
    }

    private static JsonNode decided(Api billing, String ref) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> billing.get("/api/preauthorisations/" + ref).json(),
                p -> !"REQUESTED".equals(p.get("status").asText()));
    }

    /** An answer to the claim's request with the given outcome and no code or approved items. */
    private static ClaimResponse without(org.hl7.fhir.r4.model.Claim claim, ClaimResponse.RemittanceOutcome outcome) {
        ClaimResponse response = FhirPreAuthPayer.approval(claim, FhirPreAuthPayer.reference(claim), null);
        response.setPreAuthRef(null);
        response.getItem().clear();
        return response.setOutcome(outcome);
    }

    private long received(String ref) {
        return PAYER.received().stream().filter(body -> body.contains(ref)).count();
    }

    @Test
    void the_payer_approves_over_fhir_and_the_practice_is_told_the_code() {
        Api billing = billing();
        String ref = askCrestline(billing);

        JsonNode approved = decided(billing, ref);

        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("code").asText()).startsWith("TEST-PA-");
        assertThat(approved.get("decidedBy").asText()).contains("over its channel");
        assertThat(approved.at("/services/1/approvedQuantity").asInt()).isEqualTo(3);
        String sent = PAYER.received().stream().filter(b -> b.contains(ref)).findFirst().orElseThrow();
        assertThat(sent).contains("\"use\": \"preauthorization\"").contains("SURG-APP");
        assertThat(PAYER.authorizations()).contains("Bearer " + FhirPreAuthPayer.TOKEN);
        assertThat(billing.get("/api/notifications").json().findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains(ref).contains(approved.get("code").asText()));
    }

    @Test
    void the_practices_files_reach_the_fhir_payer_in_supporting_info() {
        Api billing = billing();
        Api.Response made = billing.multipart("/api/preauthorisations", Api.Part.json("request", body(
                fixtures.enrollee("crestline-health"), "URGENT", service("SURG-APP", 1, "90000.00"))),
                Api.Part.file("files", "referral.pdf", "application/pdf", PreAuthAttachmentTests.PDF),
                Api.Part.file("files", "scan.png", "image/png", PreAuthAttachmentTests.PNG));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String ref = made.json().get("reference").asText();

        assertThat(decided(billing, ref).get("status").asText()).isEqualTo("APPROVED");

        String sent = PAYER.received().stream().filter(b -> b.contains(ref)).findFirst().orElseThrow();
        org.hl7.fhir.r4.model.Claim claim = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Claim.class, sent);
        var info = claim.getSupportingInfo();
        assertThat(info).extracting(i -> i.getCategory().getCodingFirstRep().getCode())
                .containsExactly("info", "attachment", "attachment");
        assertThat(info).extracting(i -> i.getSequence()).containsExactly(1, 2, 3);
        org.hl7.fhir.r4.model.Attachment pdf = info.get(1).getValueAttachment();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getTitle()).isEqualTo("referral.pdf");
        assertThat(pdf.getData()).isEqualTo(PreAuthAttachmentTests.PDF);
        assertThat(sent).contains("\"data\": \"" + java.util.Base64.getEncoder().encodeToString(PreAuthAttachmentTests.PDF) + "\"");
        org.hl7.fhir.r4.model.Attachment png = info.get(2).getValueAttachment();
        assertThat(png.getContentType()).isEqualTo("image/png");
        assertThat(png.getTitle()).isEqualTo("scan.png");
        assertThat(png.getData()).isEqualTo(PreAuthAttachmentTests.PNG);
    }

    @Test
    void fewer_approved_than_asked_is_an_approval_in_part() {
        PAYER.answerWith(claim -> {
            ClaimResponse approval = FhirPreAuthPayer.approval(claim, FhirPreAuthPayer.reference(claim), "CRL-P-" + claim.getIdElement().getIdPart());
            approval.setOutcome(ClaimResponse.RemittanceOutcome.PARTIAL);
            approval.getItem().get(1).getAdjudicationFirstRep().setValueElement(new DecimalType(1))
                    .setAmount(new Money().setValue(4500).setCurrency("NGN"));
            return FhirPreAuthPayer.encode(approval);
        });
        Api billing = billing();
        String ref = askCrestline(billing);

        JsonNode partly = decided(billing, ref);

        assertThat(partly.get("status").asText()).isEqualTo("PARTLY_APPROVED");
        assertThat(partly.at("/services/0/approvedQuantity").asInt()).isEqualTo(1);
        assertThat(partly.at("/services/1/approvedQuantity").asInt()).isEqualTo(1);
        assertThat(partly.at("/services/1/approvedAmount").decimalValue()).isEqualByComparingTo("4500");
    }

    @Test
    void an_error_outcome_declines_with_the_payers_reason() {
        PAYER.answerWith(claim -> FhirPreAuthPayer.encode(without(claim, ClaimResponse.RemittanceOutcome.ERROR)
                .setDisposition("Plan excludes elective surgery in the first year")));
        Api billing = billing();
        String ref = askCrestline(billing);

        JsonNode declined = decided(billing, ref);

        assertThat(declined.get("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.get("decisionReason").asText()).isEqualTo("Plan excludes elective surgery in the first year");
        assertThat(declined.get("code").isNull()).isTrue();
    }

    @Test
    void a_queued_answer_leaves_the_request_on_the_clock_and_it_is_not_sent_again() {
        PAYER.answerWith(claim -> {
            ClaimResponse queued = without(claim, ClaimResponse.RemittanceOutcome.QUEUED);
            queued.setId("CRL-Q-1");
            return FhirPreAuthPayer.encode(queued);
        });
        Api billing = billing();
        String ref = askCrestline(billing);
        await().atMost(Duration.ofSeconds(30)).until(() -> received(ref) == 1);
        JsonNode waiting = await().atMost(Duration.ofSeconds(30)).until(() -> billing.get("/api/preauthorisations/" + ref).json(),
                p -> "CRL-Q-1".equals(p.path("payerReference").asText()));

        preAuthClock.tick(clock.instant());

        assertThat(waiting.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(waiting.get("timeLeftSeconds").asLong()).isPositive();
        assertThat(received(ref)).as("the payer took it: not sent again").isEqualTo(1);
    }

    @Test
    void a_payer_that_cannot_be_reached_gets_the_request_again_from_the_clock() {
        PAYER.status(503);
        Api billing = billing();
        String ref = askCrestline(billing);
        assertThat(billing.get("/api/preauthorisations/" + ref).json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(received(ref)).isZero();

        PAYER.approveEverything();
        preAuthClock.tick(clock.instant());

        assertThat(decided(billing, ref).get("status").asText()).isEqualTo("APPROVED");
        assertThat(received(ref)).isEqualTo(1);
    }

    @Test
    void an_answer_that_names_no_request_becomes_an_exceptions_item_and_changes_nothing() {
        PAYER.answerWith(claim -> FhirPreAuthPayer.encode(FhirPreAuthPayer.approval(claim, null, "CRL-ORPHAN-" + claim.getIdElement().getIdPart())));
        String hmo = fixtures.hmoAdminWithEmail("crestline-health");
        Api billing = billing();
        String ref = askCrestline(billing);
        TestMail.awaitMail(hmo, ref + " to decide");

        JsonNode item = await().atMost(Duration.ofSeconds(30)).until(() -> as(fixtures.operator())
                .get("/api/exceptions?status=OPEN&payer=crestline-health").json(), list -> list.findValuesAsText("kind").contains("preauth-unmatched")
                        && list.toString().contains("CRL-ORPHAN-" + ref));

        assertThat(item.findValuesAsText("detail")).anySatisfy(d -> assertThat(d).contains("names no request"));
        JsonNode unchanged = billing.get("/api/preauthorisations/" + ref).json();
        assertThat(unchanged.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(unchanged.get("code").isNull()).isTrue();
        preAuthClock.tick(clock.instant());
        assertThat(received(ref)).as("taken by the payer: not sent again").isEqualTo(1);
    }

    @Test
    void the_clock_does_not_send_a_request_again_while_its_first_send_is_still_in_flight() throws Exception {
        String marker = "slow-payer-" + System.nanoTime();
        PAYER.holdIfContaining(marker);
        Api billing = billing();
        Map<String, Object> request = new HashMap<>(body(fixtures.enrollee("crestline-health"), "URGENT", service("SURG-APP", 1, "90000.00")));
        request.put("notes", marker);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // The practice's ask sends right after it commits, and waits there on the held payer.
            Future<JsonNode> asked = threads.submit(() -> ask(billing, request));
            // (The scheduled clock may tick meanwhile too: without the lease it sends the request a second time.)
            await().atMost(Duration.ofSeconds(90)).until(() -> arrivedWith(marker) >= 1 || asked.isDone());
            assertThat(arrivedWith(marker)).as("the ask's own send reached the payer").isPositive();

            Future<?> tick = threads.submit(() -> preAuthClock.tick(clock.instant()));
            await().atMost(Duration.ofSeconds(90)).until(() -> tick.isDone() || arrivedWith(marker) > 1);

            assertThat(arrivedWith(marker)).as("not sent again while the first send is in flight").isEqualTo(1);
            PAYER.release();
            String ref = asked.get(30, TimeUnit.SECONDS).get("reference").asText();
            assertThat(decided(billing, ref).get("status").asText()).isEqualTo("APPROVED");
            preAuthClock.tick(clock.instant());
            assertThat(arrivedWith(marker)).isEqualTo(1);
        } finally {
            PAYER.release();
            threads.shutdownNow();
        }
    }

    private static long arrivedWith(String text) {
        return PAYER.arrived().stream().filter(body -> body.contains(text)).count();
    }
}
