package com.hmoexchange.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.common.PublicAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A wrong notifications or public-address setting stops the start and names the setting; good ones are read as given. */
class NotificationSettingsTests {

    @EnableConfigurationProperties({NotificationSettings.class, PublicAddress.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void good_settings_are_read_as_given() {
        context.withPropertyValues("hub.public-url=https://hub.example.ng/", "hub.notifications.operators-email= ops@hub.example.ng")
                .run(started -> {
                    assertThat(started.getBean(PublicAddress.class).link("/billing/notifications"))
                            .isEqualTo("https://hub.example.ng/billing/notifications");
                    assertThat(started.getBean(NotificationSettings.class).operatorsEmail()).isEqualTo("ops@hub.example.ng");
                });
        context.withPropertyValues("hub.public-url=http://localhost:8080").run(started ->
                assertThat(started.getBean(NotificationSettings.class).operatorsEmail()).isEmpty());
    }

    @Test
    void an_operators_address_that_is_not_an_email_stops_the_start() {
        context.withPropertyValues("hub.public-url=http://localhost:8080", "hub.notifications.operators-email=operations")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("hub.notifications").hasMessageContaining("operatorsEmail").hasMessageContaining("HUB_OPERATIONS_EMAIL"));
    }

    @Test
    void a_public_address_that_is_not_a_web_address_stops_the_start() {
        context.withPropertyValues("hub.public-url=hub.example.ng").run(started -> assertThat(started).hasFailed().getFailure()
                .rootCause().hasMessageContaining("publicUrl").hasMessageContaining("HUB_PUBLIC_URL"));
        context.run(started -> assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("publicUrl"));
    }
}
