package com.hmoexchange.hub.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.PayerCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which reader takes a payer's document. Built-in formats are {@link ResponseReader} beans registered
 * under their format name as the bean name ({@code fhir}, and {@code x12} when the X12 reader is present);
 * {@code csv} and {@code json} go through the payer's own mapping in payer.yaml ({@code responses.csv},
 * {@code responses.mapping}). The format is {@code responses.format} when the payer sets one, else it is
 * recognised from the content: an X12 interchange starts with ISA, a FHIR resource is JSON with a
 * resourceType, other JSON is the payer's own, anything else is CSV.
 */
@Component
public class ResponseFormats {

    private final Map<String, ResponseReader> builtIn;
    private final PayerCatalog catalog;
    private final ObjectMapper json;
    private final Map<String, ResponseReader> mapped = new ConcurrentHashMap<>();

    ResponseFormats(Map<String, ResponseReader> builtIn, PayerCatalog catalog, ObjectMapper json) {
        this.builtIn = Map.copyOf(builtIn);
        this.catalog = catalog;
        this.json = json;
    }

    public PayerResponse read(String payer, byte[] content) throws UnreadableResponse {
        return reader(payer, formatOf(payer, content)).read(new ByteArrayInputStream(content));
    }

    public String formatOf(String payer, byte[] content) {
        String configured = catalog.document(payer).path("responses").path("format").asText("");
        return configured.isBlank() ? sniff(content) : configured.toLowerCase(Locale.ROOT);
    }

    static String sniff(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        if (head.startsWith("ISA")) {
            return "x12";
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            return head.contains("\"resourceType\"") ? "fhir" : "json";
        }
        return "csv";
    }

    ResponseReader reader(String payer, String format) throws UnreadableResponse {
        JsonNode responses = catalog.document(payer).path("responses");
        return switch (format) {
            case "csv" -> mapped.computeIfAbsent(payer + "/csv", k -> new CsvResponses(responses.path("csv")));
            case "json" -> {
                Path mapping = catalog.folder(payer).resolve(responses.path("mapping").asText("response-in.jsonata"));
                if (!Files.isRegularFile(mapping)) {
                    throw new UnreadableResponse(0, "A JSON document, but payer " + payer + " has no response mapping ("
                            + mapping.getFileName() + "): set responses.mapping in its payer.yaml.");
                }
                yield mapped.computeIfAbsent(payer + "/json", k -> new JsonResponses(json, mapping));
            }
            default -> {
                ResponseReader reader = builtIn.get(format);
                if (reader == null) {
                    throw new UnreadableResponse(0, "The hub has no reader for the " + format.toUpperCase(Locale.ROOT)
                            + " format; it reads " + builtIn.keySet().stream().sorted().toList() + ", csv and json.");
                }
                yield reader;
            }
        };
    }
}
