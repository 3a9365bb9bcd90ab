package com.hmoexchange.hub.payers;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The file a payer receives each claim as. The dispatch route writes it with the {@code ClaimWriter} of
 * the same name; a format that goes through the payer's JSONata mapping says so.
 */
public enum ClaimFormat {
    /** The payer's own JSON, from its mapping. */
    JSON("json", ".json", "application/json", true),
    /** One row per claim line, from the payer's mapping, in the columns of {@code csv.columns}. */
    CSV("csv", ".csv", "text/csv", true),
    /** A FHIR R4 Claim resource, built in. */
    FHIR("fhir", ".fhir.json", "application/fhir+json", false),
    /** An X12 5010 837P interchange, built in. */
    X12("x12", ".x12", "application/edi-x12", false);

    private final String code;
    private final String fileExtension;
    private final String contentType;
    private final boolean mapped;

    ClaimFormat(String code, String fileExtension, String contentType, boolean mapped) {
        this.code = code;
        this.fileExtension = fileExtension;
        this.contentType = contentType;
        this.mapped = mapped;
    }

    /** As written in payer.yaml and shown by the API. */
    @JsonValue
    public String code() {
        return code;
    }

    public String fileExtension() {
        return fileExtension;
    }

    public String contentType() {
        return contentType;
    }

    /** Whether the payer's JSONata mapping ({@code mapping:}) shapes the claim first. */
    public boolean mapped() {
        return mapped;
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(ClaimFormat::code).toList();
    }
}
