package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.ClaimFormat;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Route step: the canonical claim becomes the payer's file, by the writer of the payer's format. */
@Component("claimWriters")
public class ClaimWriters {

    private final Map<ClaimFormat, ClaimWriter> writers = new EnumMap<>(ClaimFormat.class);

    ClaimWriters(List<ClaimWriter> writers) {
        writers.forEach(w -> this.writers.put(w.format(), w));
        List<ClaimFormat> missing = Arrays.stream(ClaimFormat.values()).filter(f -> !this.writers.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No claim writer for the format(s) " + missing + ": add a ClaimWriter bean for each");
        }
    }

    public String write(String canonicalJson, Exchange exchange) throws IOException {
        PayerSettings payer = exchange.getProperty(Dispatcher.PAYER_SETTINGS, PayerSettings.class);
        return writers.get(payer.format()).write(canonicalJson, payer);
    }
}
