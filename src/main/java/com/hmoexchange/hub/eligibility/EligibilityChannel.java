package com.hmoexchange.hub.eligibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.EligibilitySection;
import com.hmoexchange.hub.payers.MappingLimits;
import com.hmoexchange.hub.payers.PayerHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Asks a payer over its channel (payer.yaml {@code eligibility.source}): {@code fhir} POSTs a FHIR
 * CoverageEligibilityRequest ({@link FhirEligibility}), {@code jsonata} the payer's own JSON ({@link JsonataEligibility}),
 * {@code x12} an X12 270 in a CAQH CORE envelope ({@link X12Eligibility}, {@link CoreEnvelope}),
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
            case X12 -> x12(rules, question);
            case LOCAL -> throw new IllegalArgumentException("a local payer is not asked over a channel");
        };
    }

    /** A 270 in a CORE envelope; the 271 out of the answer's envelope, which must be a 271 (not a 999 or TA1) and real time. */
    private CoverAnswer x12(EligibilitySection rules, PayerQuestion question) {
        String x12 = X12Eligibility.request(question, rules.senderId(), rules.receiverId());
        CoreEnvelope.Written envelope = new CoreEnvelope(CoreEnvelope.REQUEST_270, question.reference(), question.created(),
                rules.senderId(), rules.receiverId(), null, null, x12).write();
        HttpResponse<byte[]> response = send(rules, envelope.contentType(), "multipart/form-data", envelope.body());
        CoreEnvelope answer = CoreEnvelope.read(response.headers().firstValue("Content-Type").orElse(null), response.body());
        if (!answer.payloadType().startsWith("X12_271_")) {
            // A 999 or TA1 in the envelope: say which, read from the X12 itself.
            X12Eligibility.answer(answer.payload(), question.reference());
            throw new PayerUnreachable("its CORE envelope carries " + answer.payloadType() + " instead of a 271");
        }
        return X12Eligibility.answer(answer.payload(), question.reference());
    }

    private String post(EligibilitySection rules, String contentType, String body) {
        return new String(send(rules, contentType, contentType, body.getBytes(StandardCharsets.UTF_8)).body(),
                StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(EligibilitySection rules, String contentType, String accept, byte[] body) {
        if (rules.url().isBlank()) {
            throw new PayerUnreachable("its eligibility.url is not set");
        }
        try {
            return http.exchange(rules.url(), rules.token(), contentType, accept, body);
        } catch (PayerHttp.NotAnswered e) {
            throw new PayerUnreachable(e.getMessage());
        }
    }
}
