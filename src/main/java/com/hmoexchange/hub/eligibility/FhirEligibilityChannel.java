package com.hmoexchange.hub.eligibility;

import com.hmoexchange.hub.payers.EligibilitySection;
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
 * Asks a {@code fhir} payer (payer.yaml {@code eligibility.source: fhir}): the request POSTed to
 * {@code eligibility.url} with its bearer token, the answer read by {@link FhirEligibility}. Every way the payer can
 * fail to answer (refused, timed out, not 2xx, unreadable) comes back as {@link PayerUnreachable} saying which.
 */
@Component
class FhirEligibilityChannel {

    private final HttpClient http;
    private final EligibilitySettings settings;

    FhirEligibilityChannel(EligibilitySettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    CoverAnswer ask(EligibilitySection rules, FhirEligibility.Question question) {
        if (rules.url().isBlank()) {
            throw new PayerUnreachable("its eligibility.url is not set");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rules.url())).timeout(settings.timeout())
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(FhirEligibility.request(question), StandardCharsets.UTF_8));
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
        return FhirEligibility.answer(response.body(), question.reference());
    }
}
