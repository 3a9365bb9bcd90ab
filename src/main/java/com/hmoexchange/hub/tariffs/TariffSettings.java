package com.hmoexchange.hub.tariffs;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The currency an uploaded tariff is priced in: the hub's one billing currency ({@code hub.currency}, HUB_CURRENCY). */
@ConfigurationProperties("hub")
@Validated
record TariffSettings(@Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code in capitals, e.g. NGN (HUB_CURRENCY)") String currency) {
}
