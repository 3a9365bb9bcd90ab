package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.ClaimFormat;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** An X12 5010 837P interchange, built in (no mapping). */
@Component
class X12ClaimWriter implements ClaimWriter {

    private final ClaimFiles files;

    X12ClaimWriter(ClaimFiles files) {
        this.files = files;
    }

    @Override
    public ClaimFormat format() {
        return ClaimFormat.X12;
    }

    @Override
    public String write(String canonicalJson, PayerSettings payer) throws IOException {
        return files.x12(canonicalJson);
    }
}
