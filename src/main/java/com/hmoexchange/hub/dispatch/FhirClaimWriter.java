package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.ClaimFormat;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** A FHIR R4 Claim resource, built in (no mapping). */
@Component
class FhirClaimWriter implements ClaimWriter {

    private final ClaimFiles files;

    FhirClaimWriter(ClaimFiles files) {
        this.files = files;
    }

    @Override
    public ClaimFormat format() {
        return ClaimFormat.FHIR;
    }

    @Override
    public String write(String canonicalJson, PayerSettings payer) throws IOException {
        return files.fhir(canonicalJson);
    }
}
