package com.hmoexchange.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.responses.CallbackSignatures;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP payer with its own JSON pre-authorisation API (Zenith in tests, through its JSONata mappings): it reads
 * {@code {authRequestId, memberId, procedures: [{line, units, lineTotal}], followUp}} and by default approves every line
 * in full under ZC-PA-n; a test scripts its next answers ({@link #answerWith}), e.g. "received, decision to follow",
 * and then posts the decision as Zenith's signed callback ({@link #callback}). It wants Zenith's bearer token.
 */
public final class JsonPreAuthPayer {

    public static final String TOKEN = "test-zenith-preauth-token";
    public static final String CALLBACK_SECRET = "test-zenith-callback-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Map<String, Object>> answer = JsonPreAuthPayer::approveInFull;

    JsonPreAuthPayer() {
        server = StandInServer.start("/preauth", (exchange, body) -> {
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                return new StandInServer.Answer(401, "application/json", "{\"error\":\"bad or missing bearer token\"}");
            }
            try {
                JsonNode request = JSON.readTree(body);
                received.add(request);
                Map<String, Object> out = answer.apply(request);
                return new StandInServer.Answer(200, "application/json", out == null ? "" : JSON.writeValueAsString(out));
            } catch (IOException e) {
                return new StandInServer.Answer(400, "application/json", "{\"error\":\"not JSON\"}");
            }
        });
    }

    public String url() {
        return StandInServer.url(server, "/preauth");
    }

    /** The requests taken, as received. */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** The answer to every request from now on (null: an empty 200, the decision to follow by callback). */
    public void answerWith(Function<JsonNode, Map<String, Object>> answer) {
        this.answer = answer;
    }

    public void approveEverything() {
        this.answer = JsonPreAuthPayer::approveInFull;
    }

    /** Zenith's approval of every line of a request in full. */
    public static Map<String, Object> approveInFull(JsonNode request) {
        Map<String, Object> out = decision(request.path("authRequestId").asText(), "APPROVED");
        out.put("authCode", "ZC-PA-" + request.path("authRequestId").asText());
        out.put("effective", LocalDate.now().toString());
        out.put("expires", LocalDate.now().plusDays(30).toString());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (JsonNode line : request.path("procedures")) {
            lines.add(Map.of("line", line.path("line").asInt(), "unitsApproved", line.path("units").asInt(),
                    "amountApproved", line.path("lineTotal").decimalValue()));
        }
        out.put("lines", lines);
        return out;
    }

    /** A bare answer of Zenith's about a request: its reference, a case id and the decision word. */
    public static Map<String, Object> decision(String reference, String decision) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("authRequestId", reference);
        out.put("caseId", "ZC-CASE-" + reference);
        out.put("decision", decision);
        return out;
    }

    /** Posts a later answer to the hub as Zenith does: to its callback address, signed with its secret now. */
    public static HttpResponse<String> callback(int port, Object answer) {
        try {
            return callback(port, JSON.writeValueAsString(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> callback(int port, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/payers/zenith-care/callbacks/preauthorisations"))
                    .header("Content-Type", "application/json").header(CallbackSignatures.TIMESTAMP, timestamp)
                    .header(CallbackSignatures.SIGNATURE, CallbackSignatures.header(CALLBACK_SECRET, timestamp,
                            body.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
