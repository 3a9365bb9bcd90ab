package com.hmoexchange.hub.responses;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.MappingLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A payer's own JSON (a status callback, a remittance file) turned into the normalised document by the
 * payer's JSONata mapping ({@code responses.mapping}, default {@code response-in.jsonata}); see
 * {@link NormalisedJson} for the shape the mapping must produce. The evaluation runs within {@link MappingLimits}:
 * a mapping that loops is stopped, and the document is quarantined with the reason (nothing applied).
 */
public final class JsonResponses implements ResponseReader {

    private final ObjectMapper json;
    private final String expression;
    private final String mappingFile;
    private final MappingLimits limits;

    public JsonResponses(ObjectMapper json, Path mapping) {
        this(json, mapping, MappingLimits.DEFAULT);
    }

    public JsonResponses(ObjectMapper json, Path mapping, MappingLimits limits) {
        this.json = json;
        this.limits = limits;
        this.mappingFile = mapping.getFileName().toString();
        try {
            this.expression = Files.readString(mapping);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the response mapping " + mapping.toAbsolutePath(), e);
        }
    }

    @Override
    public PayerResponse read(InputStream in) throws UnreadableResponse {
        JsonNode input;
        try {
            input = json.readTree(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UnreadableResponse(line, "Not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableResponse(0, "Cannot read the document: " + e.getMessage(), e);
        }
        if (input == null || input.isMissingNode()) {
            throw new UnreadableResponse(0, "The document is empty.");
        }
        Object mapped;
        try {
            // A fresh evaluator per document: the library's evaluator keeps state while it runs.
            mapped = limits.evaluate(Jsonata.jsonata(expression), json.convertValue(input, Object.class));
        } catch (MappingLimits.MappingStopped e) {
            throw new UnreadableResponse(0, "The mapping " + mappingFile + " failed on this document: " + e.getMessage(), e);
        } catch (JException e) {
            throw new UnreadableResponse(0, "The mapping " + mappingFile + " failed on this document: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Not the mapping language's own error but the evaluator meeting a value it cannot use (its message names Java types).
            throw new UnreadableResponse(0, "The mapping " + mappingFile + " failed on this document: a value in it is not of the "
                    + "kind the mapping expects (text, number, list or object); compare the document with the payer's samples.", e);
        }
        PayerResponse response = NormalisedJson.read(json.valueToTree(mapped));
        if (response.adjudications().isEmpty() && response.remittances().isEmpty() && response.acknowledgements().isEmpty()
                && response.setAside().isEmpty()) {
            // Answering "applied" to a document that moved nothing would tell the payer it was heard (a list of events
            // where the mapping reads one, an event kind it does not know): a person looks at it instead.
            throw new UnreadableResponse(0, "The mapping " + mappingFile + " found no claim answer, payment or acknowledgement "
                    + "in this document, so nothing would be applied; compare its shape with the payer's samples "
                    + "(one event per document, as the mapping reads it).");
        }
        return response;
    }
}
