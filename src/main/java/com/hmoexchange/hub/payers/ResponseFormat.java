package com.hmoexchange.hub.payers;

import java.util.Arrays;
import java.util.List;

/** A kind of document a payer answers in (its {@code responses.formats}). */
public enum ResponseFormat {
    /** Status and remittance rows, read through {@code responses.csv}. */
    CSV("csv", ".csv"),
    /** The payer's own JSON, read through its JSONata mapping ({@code responses.mapping}). */
    JSON("json", ".json"),
    /** FHIR R4 ClaimResponse and PaymentReconciliation, built in. */
    FHIR("fhir", ".fhir.json"),
    /** X12 999, 277CA and 835, built in. */
    X12("x12", ".x12");

    private final String code;
    private final String fileExtension;

    ResponseFormat(String code, String fileExtension) {
        this.code = code;
        this.fileExtension = fileExtension;
    }

    public String code() {
        return code;
    }

    /** The extension of the payer's files in this format (and of its golden samples). */
    public String fileExtension() {
        return fileExtension;
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(ResponseFormat::code).toList();
    }
}
