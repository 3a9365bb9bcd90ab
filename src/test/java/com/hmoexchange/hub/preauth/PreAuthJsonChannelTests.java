package com.hmoexchange.hub.preauth;

import static com.hmoexchange.hub.preauth.PreAuthTestParts.ask;
import static com.hmoexchange.hub.preauth.PreAuthTestParts.body;
import static com.hmoexchange.hub.preauth.PreAuthTestParts.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.JsonPreAuthPayer;
import com.hmoexchange.hub.support.PayerSandboxes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * JSON mode end to end (issue 18, item 2): Zenith's pre-authorisation API is a real HTTP server speaking its own JSON
 * (support/JsonPreAuthPayer), read and written through mappings/zenith-care/preauth-*.jsonata. It answers at once
 * (approved in part, asks for more) or takes the request and decides later by a signed callback; a callback naming no
 * request is an exceptions-list item, an unreadable one is refused in words.
 */
class PreAuthJsonChannelTests extends ApiTest {

    private static final JsonPreAuthPayer PAYER = PayerSandboxes.ZENITH_PREAUTH;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProviderRepository providers;

    @AfterEach
    void payerApprovesAgain() {
        PAYER.approveEverything();
    }

    private Api billing() {
        return as(PreAuthTestParts.practice(fixtures, providers, "zenith-care").billing());
    }

    private String askZenith(Api billing) {
        return ask(billing, body(fixtures.enrollee("zenith-care"), "URGENT", service("SURG-APP", 1, "90000.00"),
                service("DRUG-ACT", 3, "4500.00"))).get("reference").asText();
    }

    private static JsonNode once(Api billing, String ref, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> billing.get("/api/preauthorisations/" + ref).json(),
                p -> status.equals(p.get("status").asText()));
    }

    private static List<JsonNode> received(String ref) {
        return PAYER.received().stream().filter(r -> ref.equals(r.path("authRequestId").asText())).toList();
    }

    @Test
    void the_payer_approves_in_part_at_once_and_its_json_is_read_through_the_mapping() {
        PAYER.answerWith(request -> {
            Map<String, Object> partial = JsonPreAuthPayer.decision(request.path("authRequestId").asText(), "PARTIAL");
            partial.put("authCode", "ZC-PA-P-" + request.path("authRequestId").asText());
            partial.put("lines", List.of(Map.of("line", 2, "unitsApproved", 1, "amountApproved", 4500.00)));
            return partial;
        });
        Api billing = billing();
        String ref = askZenith(billing);

        JsonNode partly = once(billing, ref, "PARTLY_APPROVED");

        assertThat(partly.get("code").asText()).isEqualTo("ZC-PA-P-" + ref);
        assertThat(partly.get("decidedBy").asText()).contains("over its channel");
        assertThat(partly.get("payerReference").asText()).isEqualTo("ZC-CASE-" + ref);
        assertThat(partly.at("/services/0/approvedQuantity").asInt()).as("left out: in full").isEqualTo(1);
        assertThat(partly.at("/services/1/approvedQuantity").asInt()).isEqualTo(1);
        assertThat(partly.at("/services/1/approvedAmount").decimalValue()).isEqualByComparingTo("4500");
        JsonNode sent = received(ref).get(0);
        assertThat(sent.path("priority").asText()).isEqualTo("urgent");
        assertThat(sent.at("/procedures/1/procedureCode").asText()).isEqualTo("DRUG-ACT");
        assertThat(sent.at("/procedures/1/lineTotal").decimalValue()).isEqualByComparingTo("13500");
        assertThat(sent.has("followUp")).isFalse();
    }

    @Test
    void the_payer_takes_the_request_and_decides_later_by_a_signed_callback() throws Exception {
        PAYER.answerWith(request -> JsonPreAuthPayer.decision(request.path("authRequestId").asText(), "RECEIVED"));
        Api billing = billing();
        String ref = askZenith(billing);
        JsonNode waiting = await().atMost(Duration.ofSeconds(30)).until(() -> billing.get("/api/preauthorisations/" + ref).json(),
                p -> ("ZC-CASE-" + ref).equals(p.path("payerReference").asText()));
        assertThat(waiting.get("status").asText()).isEqualTo("REQUESTED");

        HttpResponse<String> answered = JsonPreAuthPayer.callback(port, JsonPreAuthPayer.approveInFull(received(ref).get(0)));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        assertThat(JSON.readTree(answered.body()).get("outcome").asText()).isEqualTo("APPLIED");
        JsonNode approved = billing.get("/api/preauthorisations/" + ref).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("code").asText()).isEqualTo("ZC-PA-" + ref);
        assertThat(received(ref)).as("taken once").hasSize(1);
    }

    @Test
    void the_payer_asks_for_more_and_the_practices_answer_goes_to_it_on_the_same_request() {
        PAYER.answerWith(request -> {
            Map<String, Object> asks = JsonPreAuthPayer.decision(request.path("authRequestId").asText(), "INFO_REQUIRED");
            asks.put("infoRequired", "Send the ultrasound report");
            return asks;
        });
        Api billing = billing();
        String ref = askZenith(billing);
        JsonNode asked = once(billing, ref, "MORE_INFO_ASKED");
        assertThat(asked.get("question").asText()).isEqualTo("Send the ultrasound report");
        PAYER.approveEverything();

        Api.Response answered = billing.post("/api/preauthorisations/" + ref + "/answer", Map.of("answer", "Inflamed appendix on scan"));

        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(once(billing, ref, "APPROVED").get("code").asText()).isEqualTo("ZC-PA-" + ref);
        assertThat(received(ref)).hasSize(2);
        assertThat(received(ref).get(1).at("/followUp/question").asText()).isEqualTo("Send the ultrasound report");
        assertThat(received(ref).get(1).at("/followUp/answer").asText()).isEqualTo("Inflamed appendix on scan");
    }

    @Test
    void a_callback_naming_no_request_is_an_exceptions_item_and_an_unreadable_one_is_refused_in_words() throws Exception {
        Map<String, Object> orphan = JsonPreAuthPayer.decision("PA-000000-NOSUCH", "APPROVED");
        orphan.put("authCode", "ZC-ORPHAN-" + System.nanoTime());

        HttpResponse<String> unplaced = JsonPreAuthPayer.callback(port, orphan);

        assertThat(unplaced.statusCode()).as(unplaced.body()).isEqualTo(202);
        assertThat(JSON.readTree(unplaced.body()).get("outcome").asText()).isEqualTo("EXCEPTION");
        assertThat(JSON.readTree(unplaced.body()).get("detail").asText()).contains("PA-000000-NOSUCH").contains("exceptions list");
        JsonNode items = as(fixtures.operator()).get("/api/exceptions?status=OPEN&payer=zenith-care").json();
        assertThat(items.toString()).contains(orphan.get("authCode").toString());

        HttpResponse<String> unreadable = JsonPreAuthPayer.callback(port, "<html>gateway error</html>");

        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unreadable.body()).get("detail").asText()).contains("cannot be read").contains("not JSON");

        HttpResponse<String> outcome = JsonPreAuthPayer.callback(port, JsonPreAuthPayer.decision("PA-1", "MAYBE"));
        assertThat(outcome.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(outcome.body()).get("detail").asText()).contains("'MAYBE'");
    }
}
