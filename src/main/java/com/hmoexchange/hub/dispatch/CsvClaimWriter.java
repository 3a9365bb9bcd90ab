package com.hmoexchange.hub.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.payers.ClaimFormat;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** A CSV file: the payer's mapping gives one object per row, written in the order of its {@code csv.columns}. */
@Component
class CsvClaimWriter implements ClaimWriter {

    private final ClaimMappings mappings;
    private final ClaimFiles files;
    private final ObjectMapper json;

    CsvClaimWriter(ClaimMappings mappings, ClaimFiles files, ObjectMapper json) {
        this.mappings = mappings;
        this.files = files;
        this.json = json;
    }

    @Override
    public ClaimFormat format() {
        return ClaimFormat.CSV;
    }

    @Override
    public String write(String canonicalJson, PayerSettings payer) throws IOException {
        return files.csv(json.readTree(mappings.map(canonicalJson, payer.mapping())), payer.csvColumns());
    }
}
