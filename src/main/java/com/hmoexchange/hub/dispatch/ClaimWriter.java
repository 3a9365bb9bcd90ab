package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.ClaimFormat;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;

/**
 * Writes a claim in one {@link ClaimFormat}. Each writer is a bean; {@link ClaimWriters} finds it by its format,
 * so a new format is its constant in {@code ClaimFormat} and one class implementing this.
 */
interface ClaimWriter {

    ClaimFormat format();

    /** The canonical claim (JSON) as the file or body the payer receives. */
    String write(String canonicalJson, PayerSettings payer) throws IOException;
}
