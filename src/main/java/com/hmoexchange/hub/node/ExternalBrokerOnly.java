package com.hmoexchange.hub.node;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A node on an external broker ({@code HUB_ARTEMIS_MODE=native}) runs no broker of its own: Spring Boot would
 * otherwise start its embedded Artemis anyway (its switch is separate from the mode), an unused broker with a
 * journal in the node's data folder. An explicit {@code spring.artemis.embedded.enabled} still wins.
 */
public class ExternalBrokerOnly implements EnvironmentPostProcessor {

    static final String EMBEDDED = "spring.artemis.embedded.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("native".equalsIgnoreCase(environment.getProperty("spring.artemis.mode")) && !environment.containsProperty(EMBEDDED)) {
            environment.getPropertySources().addLast(new MapPropertySource("hub-external-broker-only", Map.of(EMBEDDED, "false")));
        }
    }
}
