package com.hmoexchange.hub.eligibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.EligibilitySection;
import com.hmoexchange.hub.payers.MappingLimits;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Asks a payer over its channel (payer.yaml {@code eligibility.source}): {@code fhir} POSTs a FHIR
 * CoverageEligibilityRequest ({@link FhirEligibility}), {@code jsonata} the payer's own JSON ({@link JsonataEligibility}),
 * to {@code eligibility.url} with its bearer token. Every way the payer can fail to answer (refused, timed out, not
 * 2xx, unreadable) comes back as {@link PayerUnreachable} saying which.
 */
@Component
class EligibilityChannel {

    private final HttpClient http;
    private final EligibilitySettings settings;
    private final JsonataEligibility jsonata;

    EligibilityChannel(EligibilitySettings settings, ObjectMapper json, MappingLimits limits) {
        this.settings = settings;
        this.jsonata = new JsonataEligibility(json, limits);
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    CoverAnswer ask(EligibilitySection rules, PayerQuestion question) {
        return switch (rules.source()) {
            case FHIR -> FhirEligibility.answer(post(rules, "application/fhir+json", FhirEligibility.request(question)),
                    question.reference());
            case JSONATA -> jsonata.answer(rules.answerMapping(), post(rules, "application/json",
                    jsonata.request(rules.requestMapping(), question)), question.reference());
            case LOCAL -> throw new IllegalArgumentException("a local payer is not asked over a channel");
        };
    }

    private String post(EligibilitySection rules, String contentType, String body) {
        if (rules.url().isBlank()) {
            throw new PayerUnreachable("its eligibility.url is not set");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rules.url())).timeout(settings.timeout())
                .header("Content-Type", contentType).header("Accept", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!rules.token().isBlank()) {
            request.header("Authorization", "Bearer " + rules.token());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PayerUnreachable("no answer within " + settings.timeout().toSeconds() + " s");
        } catch (ConnectException e) {
            throw new PayerUnreachable("the connection was refused");
        } catch (IOException e) {
            throw new PayerUnreachable("the connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PayerUnreachable("the hub was stopping");
        }
        if (response.statusCode() / 100 != 2) {
            throw new PayerUnreachable("it answered HTTP " + response.statusCode());
        }
        return response.body();
    }
}
