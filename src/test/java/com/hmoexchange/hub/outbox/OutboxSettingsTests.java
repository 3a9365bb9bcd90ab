package com.hmoexchange.hub.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The outbox's settings are checked at start, and a wrong one is named with what to give instead. */
class OutboxSettingsTests {

    @Configuration
    @EnableConfigurationProperties(OutboxSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("hub.outbox.keep-published=7d", "hub.dispatch.relay-batch-size=200", "hub.dispatch.batch-size=50");

    @Test
    void the_defaults_are_taken() {
        context.run(started -> {
            OutboxSettings settings = started.getBean(OutboxSettings.class);
            assertThat(settings.outbox().keepPublished()).hasDays(7);
            assertThat(settings.dispatch().relayBatchSize()).isEqualTo(200);
            assertThat(settings.dispatch().batchSize()).isEqualTo(50);
        });
    }

    @Test
    void a_keep_period_without_its_unit_stops_the_start_saying_what_to_give() {
        context.withPropertyValues("hub.outbox.keep-published=7").run(started -> assertThat(started).getFailure()
                .rootCause().hasMessageContaining("HUB_OUTBOX_KEEP_PUBLISHED").hasMessageContaining("at least an hour, with its unit"));
    }

    @Test
    void a_batch_of_no_claims_stops_the_start_naming_the_setting() {
        context.withPropertyValues("hub.dispatch.batch-size=0").run(started -> assertThat(started).getFailure()
                .hasStackTraceContaining("hub.dispatch.batchSize").hasStackTraceContaining("must be 1 or more (HUB_DISPATCH_BATCH_SIZE)"));
    }
}
