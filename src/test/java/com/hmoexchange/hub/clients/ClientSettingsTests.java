package com.hmoexchange.hub.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How long a sign-in link works is checked at start: none, or zero, stops it and says what to set. */
class ClientSettingsTests {

    @EnableConfigurationProperties(ClientSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void a_duration_is_read_as_given() {
        context.withPropertyValues("hub.clients.sign-in-link-validity=2d").run(started ->
                assertThat(started.getBean(ClientSettings.class).signInLinkValidity()).isEqualTo(Duration.ofDays(2)));
    }

    @Test
    void no_validity_or_zero_stops_the_start() {
        context.run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                .hasMessageContaining("signInLinkValidity").hasMessageContaining("HUB_SIGN_IN_LINK_VALIDITY"));
        context.withPropertyValues("hub.clients.sign-in-link-validity=0s").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("HUB_SIGN_IN_LINK_VALIDITY").hasMessageContaining("longer than zero"));
    }
}
