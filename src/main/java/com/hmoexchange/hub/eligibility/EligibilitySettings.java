package com.hmoexchange.hub.eligibility;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's side of eligibility checks (hub.eligibility; each payer's source and cache time are in its payer.yaml).
 *
 * @param timeout how long the hub waits for a payer's answer before it shows the last known one instead
 */
@ConfigurationProperties("hub.eligibility")
record EligibilitySettings(@DefaultValue("10s") Duration timeout) {
}
