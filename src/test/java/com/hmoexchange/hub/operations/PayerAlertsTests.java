package com.hmoexchange.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.payers.PayerCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

/** A payer's alert thresholds: its own from payer.yaml, the hub's defaults for the rest, and a clear refusal of a bad one. */
class PayerAlertsTests {

    static final OperationsSettings SETTINGS = new OperationsSettings(Duration.ofSeconds(15),
            new OperationsSettings.Incidents(true, Duration.ofSeconds(30)),
            new OperationsSettings.Alerts(Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofMinutes(5), Duration.ofHours(48)));

    @TempDir
    Path mappings;

    @Test
    void a_payer_sets_some_thresholds_and_takes_the_defaults_for_the_others() throws IOException {
        payer("quick-hmo", "alerts:\n  failingFor: 2m\n  requestsPendingFor: 3d\n");
        payer("plain-hmo", "");

        PayerAlerts alerts = alerts();

        assertThat(alerts.of("quick-hmo")).isEqualTo(new PayerAlerts.Thresholds(Duration.ofMinutes(2), Duration.ofHours(24),
                Duration.ofDays(3)));
        assertThat(alerts.of("plain-hmo")).isEqualTo(new PayerAlerts.Thresholds(Duration.ofMinutes(10), Duration.ofHours(24),
                Duration.ofHours(48)));
    }

    @Test
    void a_threshold_that_is_not_a_duration_stops_the_start_naming_the_file_and_the_field() throws IOException {
        payer("sloppy-hmo", "alerts:\n  failingFor: soon\n");

        assertThatThrownBy(this::alerts).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sloppy-hmo").hasMessageContaining("payer.yaml")
                .hasMessageContaining("alerts.failingFor 'soon' is not a positive duration such as 30m, 6h or 2d");
    }

    @Test
    void an_unknown_threshold_is_refused_with_the_ones_there_are() throws IOException {
        payer("typo-hmo", "alerts:\n  failFor: 5m\n");

        assertThatThrownBy(this::alerts).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown field 'alerts.failFor'; allowed here: [failingFor, silentFor, requestsPendingFor]");
    }

    private PayerAlerts alerts() {
        return new PayerAlerts(PayerCatalog.read(mappings, new StandardEnvironment()), SETTINGS);
    }

    private void payer(String code, String extra) throws IOException {
        Files.createDirectories(mappings.resolve(code));
        Files.writeString(mappings.resolve(code).resolve("payer.yaml"), "code: " + code + "\nname: " + code
                + "\nchannel: email\nformat: fhir\nemail:\n  to: claims@" + code + ".example\n" + extra);
    }
}
