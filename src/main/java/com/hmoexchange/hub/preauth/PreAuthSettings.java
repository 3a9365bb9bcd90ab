package com.hmoexchange.hub.preauth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's side of pre-authorisation (hub.preauth; each payer's limit and reminder are in its payer.yaml).
 *
 * @param clockPeriod how often the clock looks for requests to remind about or deem authorised
 * @param deemedValidity how long the hub's own code (deemed authorised, emergency) stays valid
 * @param measuresWindow how far back the desk's measures (decision time, shares) look
 * @param sendLease how long a send to a payer may be in flight before another may try (longer than the HTTP timeouts)
 */
@ConfigurationProperties("hub.preauth")
record PreAuthSettings(@DefaultValue("30s") Duration clockPeriod, @DefaultValue("30d") Duration deemedValidity,
        @DefaultValue("30d") Duration measuresWindow, @DefaultValue("2m") Duration sendLease) {
}
