package com.hmoexchange.hub.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Offers {@code hub.test-database.url}, {@code .username} and {@code .password} (used by application-test.yml)
 * to every Spring context of the test run. Lazy: the database is settled only when a context asks, so the
 * zero-setup tests on H2 never touch PostgreSQL.
 */
public class TestDatabaseProperties implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new PropertySource<>("hubTestDatabase", new Object()) {
            @Override
            public Object getProperty(String name) {
                return switch (name) {
                    case "hub.test-database.url" -> TestDatabase.get().url();
                    case "hub.test-database.username" -> TestDatabase.get().username();
                    case "hub.test-database.password" -> TestDatabase.get().password();
                    default -> null;
                };
            }
        });
    }
}
