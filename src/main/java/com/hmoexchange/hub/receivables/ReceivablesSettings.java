package com.hmoexchange.hub.receivables;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The money-owed pages and statements (hub.receivables).
 *
 * @param timeZone where the practice and the HMO are: a claim's age in days, dates and "generated at" are read there
 */
@ConfigurationProperties("hub.receivables")
record ReceivablesSettings(@DefaultValue("Africa/Lagos") ZoneId timeZone) {
}
