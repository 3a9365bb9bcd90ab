package com.hmoexchange.hub.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.payers.PayerCatalog;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * Each payer's alert thresholds: the {@code alerts:} section of its payer.yaml where it has one, the
 * hub.operations.alerts defaults otherwise. Read and checked at start: a threshold that is not a duration
 * stops the hub with the file and the field named, as a broken payer.yaml does.
 * <pre>
 * alerts:
 *   failingFor: 15m          # sends failing with no delivery for this long: PAYER_FAILING
 *   silentFor: 48h           # a delivered claim with no answer for this long: PAYER_SILENT
 *   requestsPendingFor: 24h  # a client's change request pending for this long: REQUESTS_WAITING
 * </pre>
 */
@Component
class PayerAlerts implements InitializingBean {

    /** One payer's thresholds. */
    record Thresholds(Duration failingFor, Duration silentFor, Duration requestsPendingFor) {
    }

    private final PayerCatalog catalog;
    private final OperationsSettings settings;
    private volatile Map<String, Thresholds> byPayer = Map.of();

    PayerAlerts(PayerCatalog catalog, OperationsSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, Thresholds> read = new TreeMap<>();
        for (String code : catalog.codes()) {
            read.put(code, read(code, catalog.document(code).path("alerts")));
        }
        byPayer = Map.copyOf(read);
    }

    /** Every configured payer's thresholds, by code. */
    Map<String, Thresholds> all() {
        return byPayer;
    }

    Thresholds of(String payerCode) {
        return byPayer.getOrDefault(payerCode, defaults());
    }

    private Thresholds defaults() {
        OperationsSettings.Alerts d = settings.alerts();
        return new Thresholds(d.payerFailingFor(), d.payerSilentFor(), d.requestsPendingFor());
    }

    private Thresholds read(String code, JsonNode alerts) {
        Thresholds d = defaults();
        if (alerts.isMissingNode() || alerts.isNull()) {
            return d;
        }
        if (!alerts.isObject()) {
            throw new IllegalStateException(where(code) + ": alerts must be a mapping with failingFor, silentFor or requestsPendingFor");
        }
        alerts.fieldNames().forEachRemaining(field -> {
            if (!field.equals("failingFor") && !field.equals("silentFor") && !field.equals("requestsPendingFor")) {
                throw new IllegalStateException(where(code) + ": alerts." + field
                        + " is not a threshold; use failingFor, silentFor or requestsPendingFor");
            }
        });
        return new Thresholds(duration(code, alerts, "failingFor", d.failingFor()),
                duration(code, alerts, "silentFor", d.silentFor()),
                duration(code, alerts, "requestsPendingFor", d.requestsPendingFor()));
    }

    private String where(String code) {
        return catalog.folder(code).resolve("payer.yaml").toString();
    }

    private Duration duration(String code, JsonNode alerts, String field, Duration fallback) {
        JsonNode value = alerts.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(value.asText().trim());
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || parsed.isNegative() || parsed.isZero()) {
            throw new IllegalStateException(where(code) + ": alerts." + field + " '" + value.asText()
                    + "' is not a positive duration such as 30m, 6h or 2d");
        }
        return parsed;
    }
}
