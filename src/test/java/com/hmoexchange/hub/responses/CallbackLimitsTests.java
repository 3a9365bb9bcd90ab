package com.hmoexchange.hub.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Limits before work on payers' input: a callback's size is checked before its body is read, the secret a payer
 * rotated away from is refused once removed from its settings, and what payers sent is shown as plain text only.
 */
class CallbackLimitsTests extends ApiTest {

    @Test
    void a_callback_announcing_a_body_over_the_limit_is_refused_before_any_of_it_is_read() throws Exception {
        // 50 MB announced, a single byte sent: an answer can only come if the hub did not wait for the rest.
        String answer = RawHttp.send(port, callbackHead() + "\r\nContent-Length: 52428800", "{".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("callback-too-large").contains("hub.responses.callback-max-body");
    }

    @Test
    void a_callback_sent_without_a_length_is_read_no_further_than_the_limit() throws Exception {
        // 1.1 MB in chunks and no last chunk: the limit (1 MB) is passed while the body is still coming.
        String answer = RawHttp.sendChunked(port, callbackHead(), "", 18);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("callback-too-large");
    }

    private static String callbackHead() {
        return "POST /api/payers/acme-hmo/callbacks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Hub-Timestamp: " + Instant.now().getEpochSecond() + "\r\nX-Hub-Signature: sha256=00";
    }

    @Test
    void a_callback_signed_with_a_secret_no_longer_configured_is_refused() throws Exception {
        String body = "{\"event\":\"claim.status\",\"claim\":{\"ref\":\"CLM-" + Fixtures.unique("OLD") + "\",\"state\":\"RECEIVED\"}}";
        String now = Long.toString(Instant.now().getEpochSecond());

        HttpResponse<String> old = callback(body, now, CallbackSignatures.header("acme-secret-before-rotation", now,
                body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> current = callback(body, now, CallbackSignatures.header(PayerSandboxes.ACME_CALLBACK_SECRET, now,
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(old.body()).contains("does not match");
        assertThat(current.statusCode()).as(current.body()).isNotEqualTo(401);
    }

    @Test
    void what_a_payer_sent_is_served_as_plain_text_that_no_browser_renders() throws Exception {
        // Not JSON: quarantined, and kept as received for operators to look at.
        String body = "<html><script>alert('" + Fixtures.unique("X") + "')</script></html>";
        String now = Long.toString(Instant.now().getEpochSecond());
        HttpResponse<String> received = callback(body, now, CallbackSignatures.header(PayerSandboxes.ACME_CALLBACK_SECRET, now,
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(422);
        long document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(received.body()).get("document").asLong();
        String operatorName = fixtures.operator();
        Api operator = as(operatorName);

        HttpResponse<String> payload = getAsBrowser(operatorName, "/api/operations/inbound-documents/" + document + "/payload");

        assertThat(payload.statusCode()).isEqualTo(200);
        assertThat(payload.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(payload.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(payload.body()).isEqualTo(body);

        Fixtures.Practice practice = fixtures.practice();
        Api billing = as(practice.billing());
        JsonNode claim = submitAndAwaitDelivery(billing, draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "CONS-GP")));
        JsonNode stored = operator.get("/api/messages?claimNumber=" + claim.get("claimNumber").asText()).json().get("items").get(0);
        HttpResponse<String> message = getAsBrowser(operatorName, "/api/messages/" + stored.get("id").asLong() + "/payload");
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(message.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(message.body()).contains(claim.get("claimNumber").asText());
    }

    private HttpResponse<String> getAsBrowser(String username, String path) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((username + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> callback(String body, String timestamp, String signature) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/payers/acme-hmo/callbacks")).header("Content-Type", "application/json")
                .header(CallbackSignatures.TIMESTAMP, timestamp).header(CallbackSignatures.SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
