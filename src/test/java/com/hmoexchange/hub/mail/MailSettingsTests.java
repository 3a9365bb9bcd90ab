package com.hmoexchange.hub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The outgoing mail's settings are checked at start, and a wrong one is named with what to give instead. */
class MailSettingsTests {

    @Configuration
    @EnableConfigurationProperties(MailSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("hub.mail.from=Hub <no-reply@hub.example>");

    @Test
    void unset_retries_and_relay_period_take_their_defaults() {
        context.run(started -> {
            MailSettings settings = started.getBean(MailSettings.class);
            assertThat(settings.firstRetry()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.maxAttempts()).isEqualTo(20);
            assertThat(settings.relayPeriod()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void an_empty_sender_stops_the_start_saying_which_variable_to_set() {
        context.withPropertyValues("hub.mail.from=").run(started -> assertThat(started).getFailure()
                .hasStackTraceContaining("hub.mail.from").hasStackTraceContaining("set HUB_MAIL_FROM"));
    }

    @Test
    void a_retry_of_no_time_stops_the_start() {
        context.withPropertyValues("hub.mail.first-retry=0s").run(started -> assertThat(started).getFailure()
                .rootCause().hasMessageContaining("hub.mail.first-retry (HUB_MAIL_FIRST_RETRY) must be longer than zero"));
    }
}
