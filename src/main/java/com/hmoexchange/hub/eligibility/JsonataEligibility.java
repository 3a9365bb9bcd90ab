package com.hmoexchange.hub.eligibility;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.MappingLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Eligibility with a payer's own JSON API ({@code eligibility.source: jsonata}): the hub's {@link PayerQuestion} goes
 * through the payer's request mapping, and its answer through its answer mapping, which must produce the hub's answer:
 * {@code {covered, reason, plan, coverStart, coverEnd, benefits: [{name, allowed, used, remaining, currency}]}} and
 * may add {@code request}: the question's reference the payer names (an answer naming another is refused). Both run
 * within {@link MappingLimits}. An answer that is not JSON or does not map is the payer not answering.
 */
final class JsonataEligibility {

    private final ObjectMapper json;
    private final MappingLimits limits;

    JsonataEligibility(ObjectMapper json, MappingLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    String request(Path mapping, PayerQuestion q) {
        try {
            return json.writeValueAsString(limits.evaluate(compile(mapping), question(q)));
        } catch (JsonProcessingException | JException | MappingLimits.MappingStopped e) {
            // The payer was not asked: said like the payer's own failures, so the check shows the last known answer.
            throw new PayerUnreachable("the hub's request mapping " + mapping.getFileName() + " failed: " + e.getMessage());
        }
    }

    /** The question as the payer's request mapping sees it (golden sample: mappings/acme-hmo/samples/eligibility-question.json). */
    static Map<String, Object> question(PayerQuestion q) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("reference", q.reference());
        question.put("created", q.created().toString());
        question.put("enrolleeNumber", q.enrolleeNumber());
        question.put("date", q.date().toString());
        question.put("serviceCodes", q.serviceCodes());
        question.put("practice", Map.of("code", q.practiceCode(), "name", q.practiceName()));
        question.put("payer", Map.of("code", q.payerCode(), "name", q.payerName()));
        return question;
    }

    CoverAnswer answer(Path mapping, String body, String reference) {
        Object mapped;
        try {
            mapped = limits.evaluate(compile(mapping), json.readValue(body, Object.class));
        } catch (JsonProcessingException e) {
            throw new PayerUnreachable("its answer is not JSON");
        } catch (JException | MappingLimits.MappingStopped e) {
            throw new PayerUnreachable("its answer does not map (" + mapping.getFileName() + "): " + e.getMessage());
        }
        if (!(mapped instanceof Map<?, ?> fields) || !(fields.get("covered") instanceof Boolean)) {
            throw new PayerUnreachable("its answer does not say whether the member is covered");
        }
        Map<Object, Object> answer = new LinkedHashMap<>(fields);
        Object named = answer.remove("request");
        if (named != null && !named.toString().equals(reference)) {
            throw new PayerUnreachable("its answer is about another request (" + named + ")");
        }
        try {
            return json.convertValue(answer, CoverAnswer.class);
        } catch (IllegalArgumentException e) {
            throw new PayerUnreachable("its mapped answer does not fit the hub's (" + e.getMessage().split("\n")[0] + ")");
        }
    }

    private static Jsonata compile(Path mapping) {
        try {
            return Jsonata.jsonata(Files.readString(mapping, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
