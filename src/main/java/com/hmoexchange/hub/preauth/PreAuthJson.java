package com.hmoexchange.hub.preauth;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.MappingLimits;
import com.hmoexchange.hub.preauth.PreAuthorisation.LineApproval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pre-authorisation with a payer's own JSON API ({@code preauthorisation.mode: json}), the way eligibility's
 * {@code source: jsonata} works: the hub's canonical request ({@link #canonical}; golden sample
 * mappings/zenith-care/samples/preauth-request.json) goes through the payer's request mapping, and each answer, given
 * at once or later as a callback, through its answer mapping, which must produce the hub's answer:
 * {@code {request, outcome, code, validFrom, validUntil, reason, question, payerReference, services: [{position,
 * quantity, amount}]}}, outcome one of {@code approved}, {@code partly-approved}, {@code declined}, {@code more-info},
 * {@code pended}. Both mappings run within {@link MappingLimits}. What cannot be read is an
 * {@link IllegalArgumentException} saying why, in words.
 */
final class PreAuthJson {

    private final ObjectMapper json;
    private final MappingLimits limits;

    PreAuthJson(ObjectMapper json, MappingLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    static Map<String, Object> canonical(PreAuthorisation p, PreAuthFhir.Parties parties) {
        return canonical(p, parties, List.of());
    }

    /**
     * The request as the payer's request mapping sees it, with the practice's files as {@code attachments}:
     * {@code [{title, contentType, data}]}, {@code data} the bytes in base64 (an empty array when there are none).
     */
    static Map<String, Object> canonical(PreAuthorisation p, PreAuthFhir.Parties parties,
            List<PreAuthorisations.AttachmentFile> files) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reference", p.getReference());
        request.put("requested", p.getRequestedAt().toString());
        request.put("urgency", p.getUrgency().name());
        request.put("member", Map.of("enrolleeNumber", parties.enrolleeNumber(), "name", parties.memberName()));
        request.put("practice", Map.of("code", parties.practiceCode(), "name", parties.practiceName()));
        request.put("payer", Map.of("code", parties.payerCode(), "name", parties.payerName()));
        List<Map<String, Object>> services = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int position = 1;
        for (RequestedService s : p.getServices()) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("position", position++);
            service.put("code", s.getServiceCode());
            service.put("description", s.getDescription());
            service.put("quantity", s.getQuantity());
            service.put("unitPrice", s.getUnitPrice());
            service.put("amount", s.amount());
            services.add(service);
            total = total.add(s.amount());
        }
        request.put("services", services);
        request.put("total", total);
        request.put("currency", parties.currency());
        request.put("diagnoses", p.getDiagnoses());
        request.put("notes", p.getNotes());
        // Set once the payer asked for more and the practice answered: the request goes again, with the answer.
        request.put("question", p.getQuestion());
        request.put("answer", p.getAnswer());
        request.put("attachments", files.stream().map(f -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("title", f.fileName());
            file.put("contentType", f.contentType());
            file.put("data", Base64.getEncoder().encodeToString(f.data()));
            return file;
        }).toList());
        return request;
    }

    /** The payer's request body; a mapping that fails is said in words (the request is not sent). */
    String request(Path mapping, Map<String, Object> canonical) {
        try {
            // Through JSON text, so the mapping sees plain JSON numbers and strings, as it does in the golden samples.
            Object input = json.readValue(json.writeValueAsString(canonical), Object.class);
            return json.writeValueAsString(limits.evaluate(compile(mapping), input));
        } catch (JsonProcessingException | JException | MappingLimits.MappingStopped e) {
            throw new IllegalStateException("the hub's request mapping " + mapping.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    /** Reads a payer's answer through its answer mapping into the hub's terms. */
    PayerAnswer answer(Path mapping, String body) {
        Object mapped;
        try {
            mapped = limits.evaluate(compile(mapping), json.readValue(body, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON");
        } catch (JException | MappingLimits.MappingStopped e) {
            throw new IllegalArgumentException("it does not map (" + mapping.getFileName() + "): " + e.getMessage());
        }
        if (!(mapped instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("its mapping (" + mapping.getFileName() + ") gives no answer object");
        }
        String outcome = text(fields, "outcome");
        PayerAnswer.Outcome read = switch (outcome == null ? "" : outcome.toLowerCase(Locale.ROOT)) {
            case "approved", "partly-approved" -> PayerAnswer.Outcome.APPROVED;
            case "declined" -> PayerAnswer.Outcome.DECLINED;
            case "more-info" -> PayerAnswer.Outcome.MORE_INFO;
            case "pended" -> PayerAnswer.Outcome.PENDED;
            default -> throw new IllegalArgumentException("its outcome '" + outcome + "' is none of approved, partly-approved, "
                    + "declined, more-info, pended");
        };
        List<LineApproval> lines = new ArrayList<>();
        if (fields.get("services") instanceof List<?> services) {
            for (Object item : services) {
                if (!(item instanceof Map<?, ?> line) || !(line.get("position") instanceof Number position)) {
                    throw new IllegalArgumentException("each approved service needs its position (1, 2, …)");
                }
                BigDecimal amount = line.get("amount") == null ? null : new BigDecimal(line.get("amount").toString());
                int quantity = line.get("quantity") instanceof Number q ? q.intValue() : -1;
                lines.add(new LineApproval(position.intValue(), quantity, amount));
            }
        }
        return new PayerAnswer(text(fields, "request"), read, text(fields, "code"), day(fields, "validFrom"),
                day(fields, "validUntil"), lines, read == PayerAnswer.Outcome.MORE_INFO ? text(fields, "question")
                        : text(fields, "reason"), text(fields, "payerReference"));
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static LocalDate day(Map<?, ?> fields, String name) {
        String value = text(fields, name);
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its " + name + " '" + value + "' is not a date (yyyy-mm-dd)");
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
