package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.ClaimFormat;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** The payer's own JSON: the canonical claim through its mapping. */
@Component
class JsonClaimWriter implements ClaimWriter {

    private final ClaimMappings mappings;

    JsonClaimWriter(ClaimMappings mappings) {
        this.mappings = mappings;
    }

    @Override
    public ClaimFormat format() {
        return ClaimFormat.JSON;
    }

    @Override
    public String write(String canonicalJson, PayerSettings payer) throws IOException {
        return mappings.map(canonicalJson, payer.mapping());
    }
}
