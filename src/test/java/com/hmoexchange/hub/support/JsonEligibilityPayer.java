package com.hmoexchange.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP payer for eligibility with its own JSON (Acme in tests, through its JSONata mappings): it reads
 * {@code {requestId, memberNo, serviceDate, services}} and answers ACTIVE on "Acme Gold" with an outpatient limit of
 * 300,000.00 (12,000.00 used), or INACTIVE with a note when the member number ends in 9. It wants Acme's bearer token.
 */
public final class JsonEligibilityPayer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    JsonEligibilityPayer() {
        server = StandInServer.start("/eligibility", (exchange, body) -> {
            if (!("Bearer " + PayerSandboxes.ACME_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                return new StandInServer.Answer(401, "application/json", "{\"error\":\"bad or missing bearer token\"}");
            }
            received.add(body);
            try {
                return new StandInServer.Answer(200, "application/json", JSON.writeValueAsString(answer(JSON.readTree(body))));
            } catch (IOException e) {
                return new StandInServer.Answer(400, "application/json", "{\"error\":\"not JSON\"}");
            }
        });
    }

    public String url() {
        return StandInServer.url(server, "/eligibility");
    }

    /** The requests answered, as received. */
    public List<String> received() {
        return List.copyOf(received);
    }

    private static Map<String, Object> answer(JsonNode request) {
        String member = request.path("memberNo").asText();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", request.path("requestId").asText());
        answer.put("planName", "Acme Gold");
        if (member.endsWith("9")) {
            answer.put("status", "INACTIVE");
            answer.put("note", "membership suspended");
            return answer;
        }
        answer.put("status", "ACTIVE");
        answer.put("validFrom", "2026-01-01");
        answer.put("validTo", "2026-12-31");
        answer.put("limits", List.of(Map.of("benefit", "Outpatient", "annualLimit", 300000.00, "used", 12000.00)));
        return answer;
    }
}
