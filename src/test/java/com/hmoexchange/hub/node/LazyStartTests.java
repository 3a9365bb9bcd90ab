package com.hmoexchange.hub.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hmoexchange.hub.HubApplication;
import com.hmoexchange.hub.support.PayerSandboxes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lazy start (`HUB_LAZY_START=true`, off by default; node/EagerAtStart): what works without a request
 * is made and running when the node is ready, a page is made by its first request and answers it, and a wrong
 * setting or a broken payer.yaml still stops the start, although the beans that use them are lazy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "HUB_LAZY_START=true")
@ActiveProfiles("test")
@DirtiesContext // the test looks at which beans were made: no other test may have used this context first
class LazyStartTests {

    @DynamicPropertySource
    static void payers(DynamicPropertyRegistry registry) {
        PayerSandboxes.register(registry);
    }

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    CamelContext camel;
    @LocalServerPort
    int port;

    @Test
    void what_runs_without_a_request_is_running_when_ready_and_a_page_is_made_by_its_first_request() throws Exception {
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        assertThat(context.getEnvironment().getProperty("spring.main.lazy-initialization")).isEqualTo("true");
        // Eager: the relay, the payer catalogue, the cluster service, the routes (started), settings of lazy modules.
        assertThat(beans.containsSingleton("outboxRelay")).isTrue();
        assertThat(beans.containsSingleton("payerCatalog")).isTrue();
        assertThat(beans.getBeanNamesForType(com.hmoexchange.hub.cluster.LockClusterService.class))
                .allMatch(beans::containsSingleton);
        for (String route : List.of("outbox-relay", "dispatch", "dispatch-repair")) {
            assertThat(camel.getRouteController().getRouteStatus(route)).as(route).isEqualTo(ServiceStatus.Started);
        }
        assertThat(beans.containsSingleton("hub.clients-com.hmoexchange.hub.clients.ClientSettings")).isTrue();
        // Lazy: the sign-in page's controller does not exist until someone asks for the page.
        assertThat(beans.containsSingleton("homePages")).as("the sign-in page's controller made at start").isFalse();

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form").contains("password");
        assertThat(beans.containsSingleton("homePages")).isTrue();
    }

    @Test
    void a_wrong_setting_of_a_lazy_module_still_stops_the_start(@TempDir Path data) {
        // Client accounts' settings are used only by pages and the API, which are made at their first request.
        Throwable failure = failedStart(data, "hub.clients.sign-in-link-validity=0s");

        assertThat(causes(failure)).anyMatch(m -> m.contains("HUB_SIGN_IN_LINK_VALIDITY"));
    }

    @Test
    void a_broken_payer_yaml_still_stops_the_start(@TempDir Path data) throws IOException {
        Path mappings = Files.createDirectories(data.resolve("mappings/broken-hmo"));
        Files.writeString(mappings.resolve("payer.yaml"),
                "code: broken-hmo\nname: Broken\nchannel: email\nformat: fhir\nemail:\n  to: c@c.example\nstaleAfterDays: soon\n");

        Throwable failure = failedStart(data, "hub.mappings-dir=" + data.resolve("mappings"));

        assertThat(causes(failure)).anyMatch(m -> m.contains(mappings.resolve("payer.yaml").toString())
                && m.contains("staleAfterDays 'soon' must be a whole number"));
    }

    /** Starts the hub as {@code java -jar} would, lazy, on the test database, and answers why it failed. */
    private static Throwable failedStart(Path data, String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("HUB_LAZY_START=true");
        all.add("spring.profiles.active=test");
        all.add("server.port=0");
        all.add("spring.main.banner-mode=off");
        all.add("HUB_DATA_DIR=" + data);
        all.add("spring.artemis.embedded.data-directory=" + data.resolve("artemis"));
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(HubApplication.class)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new)).close());
        assertThat(failure).as("the start was stopped").isNotNull();
        return failure;
    }

    private static List<String> causes(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
