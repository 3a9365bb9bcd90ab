package com.hmoexchange.hub.changerequests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The hub's default dependents policy is checked at start: a wrong limit stops it and names the setting. */
class ChangeRequestSettingsTests {

    @EnableConfigurationProperties(ChangeRequestSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void the_default_dependents_policy_is_read_as_given() {
        context.withPropertyValues("hub.changerequests.dependents.max-spouses=2", "hub.changerequests.dependents.max-children=6",
                "hub.changerequests.dependents.child-max-age=21").run(started ->
                        assertThat(started.getBean(ChangeRequestSettings.class).dependents().policy().maxChildren()).isEqualTo(6));
    }

    @Test
    void a_negative_limit_or_a_child_age_under_one_stops_the_start() {
        context.withPropertyValues("hub.changerequests.dependents.max-spouses=-1", "hub.changerequests.dependents.max-children=4",
                "hub.changerequests.dependents.child-max-age=0").run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("maxSpouses").hasMessageContaining("HUB_DEPENDENTS_MAX_SPOUSES")
                        .hasMessageContaining("childMaxAge"));
        context.run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                .hasMessageContaining("dependents"));
    }
}
