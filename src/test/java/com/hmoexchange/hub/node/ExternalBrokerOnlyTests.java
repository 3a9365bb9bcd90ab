package com.hmoexchange.hub.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ExternalBrokerOnlyTests {

    @Test
    void a_node_on_an_external_broker_starts_no_embedded_broker() {
        assertThat(embeddedAfter(Map.of("spring.artemis.mode", "native"))).isEqualTo("false");
    }

    @Test
    void the_embedded_mode_and_an_explicit_choice_are_left_alone() {
        assertThat(embeddedAfter(Map.of("spring.artemis.mode", "embedded"))).isNull();
        assertThat(embeddedAfter(Map.of())).isNull();
        assertThat(embeddedAfter(Map.of("spring.artemis.mode", "native", ExternalBrokerOnly.EMBEDDED, "true"))).isEqualTo("true");
    }

    private static String embeddedAfter(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", new HashMap<>(settings)));
        new ExternalBrokerOnly().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(ExternalBrokerOnly.EMBEDDED);
    }
}
