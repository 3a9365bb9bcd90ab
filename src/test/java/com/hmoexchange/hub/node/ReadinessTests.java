package com.hmoexchange.hub.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.RestartablePostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness as a load balancer reads it (/actuator/health/readiness, no sign-in): a node whose broker or database
 * cannot be reached answers 503 DOWN and is ready again (200 UP) once they are back, while liveness stays UP
 * throughout, so an outage of either never gets nodes restarted. Both outages are real: an Artemis server and a
 * PostgreSQL server of this test's own, stopped and started again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.artemis.mode=native")
@ActiveProfiles("test")
@DirtiesContext // its own broker and database: no other test may share this context
class ReadinessTests {

    static final int BROKER_PORT = PayerSandboxes.freePort();
    private static RestartablePostgres database;

    /** The broker is a bean so that it stops after the hub's listeners, when the context closes. */
    @TestConfiguration
    static class Broker {
        @Bean(destroyMethod = "stop")
        EmbeddedActiveMQ readinessBroker() throws Exception {
            return new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
                    .setSecurityEnabled(false).addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + BROKER_PORT)).start();
        }
    }

    @DynamicPropertySource
    static void ownBrokerAndDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:" + BROKER_PORT);
        registry.add("spring.datasource.url", () -> database().jdbcUrl());
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        // A look at the database during the outage fails after a second instead of the pool's default wait.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        PayerSandboxes.register(registry);
    }

    private static synchronized RestartablePostgres database() {
        if (database == null) {
            database = RestartablePostgres.started();
        }
        return database;
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedActiveMQ broker;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readiness_is_down_while_the_broker_cannot_be_reached_and_up_again_once_it_is_back() throws Exception {
        awaitReadiness(200, "UP");
        broker.stop();
        try {
            awaitReadiness(503, "DOWN");
            assertThat(get("/actuator/health/liveness")).isEqualTo(new Answer(200, "UP"));
        } finally {
            broker.start();
        }
        awaitReadiness(200, "UP");
    }

    @Test
    void readiness_is_down_while_the_database_is_stopped_and_up_again_once_it_is_back() throws Exception {
        awaitReadiness(200, "UP");
        database.stop();
        try {
            awaitReadiness(503, "DOWN");
            assertThat(get("/actuator/health/liveness")).isEqualTo(new Answer(200, "UP"));
        } finally {
            database.start();
        }
        awaitReadiness(200, "UP");
    }

    private void awaitReadiness(int status, String state) {
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health/readiness"), new Answer(status, state)::equals);
    }

    private Answer get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Answer(response.statusCode(), body.contains("\"status\":\"UP\"") ? "UP" : body.contains("\"status\":\"DOWN\"") ? "DOWN" : body);
    }

    private record Answer(int status, String state) {
    }
}
