package com.hmoexchange.hub.operations;

import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerSettings;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Each payer's alert thresholds: those its payer.yaml sets under {@code alerts:} (read and checked with
 * the rest of the file, {@link PayerSettings.Alerts}), the hub.operations.alerts defaults for the others.
 */
@Component
class PayerAlerts {

    /** One payer's thresholds. */
    record Thresholds(Duration failingFor, Duration silentFor, Duration requestsPendingFor) {
    }

    private final PayerCatalog catalog;
    private final OperationsSettings settings;

    PayerAlerts(PayerCatalog catalog, OperationsSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    Thresholds of(String payerCode) {
        OperationsSettings.Alerts d = settings.alerts();
        PayerSettings.Alerts own = catalog.has(payerCode) ? catalog.settings(payerCode).alerts() : PayerSettings.Alerts.NONE;
        return new Thresholds(or(own.failingFor(), d.payerFailingFor()), or(own.silentFor(), d.payerSilentFor()),
                or(own.requestsPendingFor(), d.requestsPendingFor()));
    }

    private static Duration or(Duration own, Duration fallback) {
        return own != null ? own : fallback;
    }
}
