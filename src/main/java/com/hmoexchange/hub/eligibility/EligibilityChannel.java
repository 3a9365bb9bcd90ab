package com.hmoexchange.hub.eligibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.EligibilitySection;
import com.hmoexchange.hub.payers.MappingLimits;
import com.hmoexchange.hub.payers.PayerHttp;
import org.springframework.stereotype.Component;

/**
 * Asks a payer over its channel (payer.yaml {@code eligibility.source}): {@code fhir} POSTs a FHIR
 * CoverageEligibilityRequest ({@link FhirEligibility}), {@code jsonata} the payer's own JSON ({@link JsonataEligibility}),
 * to {@code eligibility.url} with its bearer token. Every way the payer can fail to answer (refused, timed out, not
 * 2xx, unreadable) comes back as {@link PayerUnreachable} saying which.
 */
@Component
class EligibilityChannel {

    private final PayerHttp http;
    private final JsonataEligibility jsonata;

    EligibilityChannel(EligibilitySettings settings, ObjectMapper json, MappingLimits limits) {
        this.jsonata = new JsonataEligibility(json, limits);
        this.http = new PayerHttp(settings.timeout(), settings.timeout());
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
        try {
            return http.post(rules.url(), rules.token(), contentType, body);
        } catch (PayerHttp.NotAnswered e) {
            throw new PayerUnreachable(e.getMessage());
        }
    }
}
