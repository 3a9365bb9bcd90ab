package com.hmoexchange.hub.responses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.MappingLimits;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerSettings;
import com.hmoexchange.hub.payers.ResponseFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which reader takes a payer's document. Built-in formats are {@link ResponseReader} beans registered
 * under their format's code as the bean name ({@code fhir}, {@code x12}); {@code csv} and {@code json} go through
 * the payer's own settings in payer.yaml ({@code responses.csv}, {@code responses.mapping}), made once at start so
 * a wrong one stops the start. A payer that answers in one format ({@code responses.formats}) has every document
 * read as that format; otherwise the format is recognised from the content: an X12 interchange starts with ISA,
 * a FHIR resource is JSON with a resourceType, other JSON is the payer's own, anything else is CSV.
 */
@Component
public class ResponseFormats {

    private final Map<ResponseFormat, ResponseReader> builtIn = new EnumMap<>(ResponseFormat.class);
    private final PayerCatalog catalog;
    /** The payers' own CSV and JSON readers, by payer code and format. */
    private final Map<String, ResponseReader> mapped = new HashMap<>();

    ResponseFormats(Map<String, ResponseReader> builtIn, PayerCatalog catalog, ObjectMapper json) {
        this(builtIn, catalog, json, MappingLimits.DEFAULT);
    }

    @Autowired
    ResponseFormats(Map<String, ResponseReader> builtIn, PayerCatalog catalog, ObjectMapper json, MappingLimits limits) {
        builtIn.forEach((name, reader) -> this.builtIn.put(ResponseFormat.valueOf(name.toUpperCase(Locale.ROOT)), reader));
        this.catalog = catalog;
        for (PayerSettings payer : catalog.all()) {
            try {
                mapped.put(payer.code() + "/csv", new CsvResponses(payer.responses().csv()));
                if (payer.responses().mapping() != null) {
                    mapped.put(payer.code() + "/json", new JsonResponses(json, payer.responses().mapping(), limits));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(payer.folder().resolve("payer.yaml") + ": " + e.getMessage(), e);
            }
        }
    }

    public PayerResponse read(String payer, byte[] content) throws UnreadableResponse {
        PayerSettings settings = catalog.settings(payer);
        return reader(settings, formatOf(settings, content)).read(new ByteArrayInputStream(content));
    }

    /** The format the payer's document is read as. */
    ResponseFormat formatOf(String payer, byte[] content) {
        return formatOf(catalog.settings(payer), content);
    }

    ResponseFormat formatOf(PayerSettings payer, byte[] content) {
        return payer.responses().onlyFormat().orElseGet(() -> sniff(content));
    }

    static ResponseFormat sniff(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        if (head.startsWith("ISA")) {
            return ResponseFormat.X12;
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            return head.contains("\"resourceType\"") ? ResponseFormat.FHIR : ResponseFormat.JSON;
        }
        return ResponseFormat.CSV;
    }

    ResponseReader reader(PayerSettings payer, ResponseFormat format) throws UnreadableResponse {
        ResponseReader reader = switch (format) {
            case CSV -> mapped.get(payer.code() + "/csv");
            case JSON -> {
                ResponseReader own = mapped.get(payer.code() + "/json");
                if (own == null) {
                    throw new UnreadableResponse(0, "A JSON document, but payer " + payer.code() + " has no response mapping: "
                            + "list json in responses.formats of its payer.yaml and add its response-in.jsonata.");
                }
                yield own;
            }
            default -> builtIn.get(format);
        };
        if (reader == null) {
            throw new UnreadableResponse(0, "The hub has no reader for the " + format.code().toUpperCase(Locale.ROOT)
                    + " format; it reads " + readable() + ".");
        }
        return reader;
    }

    private List<String> readable() {
        return List.of(ResponseFormat.values()).stream()
                .filter(f -> f == ResponseFormat.CSV || f == ResponseFormat.JSON || builtIn.containsKey(f))
                .map(ResponseFormat::code).toList();
    }
}
