package com.hmoexchange.hub.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account Prometheus scrapes /actuator/prometheus with (hub.operations.metrics-scraper; HUB_METRICS_USER and
 * HUB_METRICS_PASSWORD, from the environment only). It may read the metrics and nothing else, so the scraper's
 * configuration holds no operator's password. Unset (the default): only operators may read the metrics.
 */
@ConfigurationProperties("hub.operations.metrics-scraper")
public record MetricsScraperSettings(String username, String password) {

    public MetricsScraperSettings {
        boolean named = username != null && !username.isBlank();
        boolean secret = password != null && !password.isBlank();
        if (named != secret) {
            throw new IllegalArgumentException("Set both HUB_METRICS_USER and HUB_METRICS_PASSWORD, or neither");
        }
        if (secret && password.length() < 16) {
            throw new IllegalArgumentException("HUB_METRICS_PASSWORD must be at least 16 characters");
        }
    }

    boolean enabled() {
        return username != null && !username.isBlank();
    }
}
