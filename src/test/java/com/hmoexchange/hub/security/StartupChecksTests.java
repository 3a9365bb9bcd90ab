package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hmoexchange.hub.HubApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * Each unsafe setting stops the hub's start with one message naming the setting to change, before anything is
 * made (the hub is started in-process as {@code java -jar} would, and fails in its first second); each explicit
 * permission lets it through.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTests {

    /** A PostgreSQL address nothing connects to: the checks run before any connection. */
    static final String POSTGRES = "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never";

    @Test
    void h2_without_the_explicit_permission_stops_the_start_naming_the_database_settings(CapturedOutput output) {
        FailureAnalysis analysis = refusedStart("hub.public-url=https://hub.example.ng");

        assertThat(analysis.getDescription()).contains("The database is H2");
        assertThat(analysis.getAction()).contains("HUB_DB_URL").contains("HUB_ALLOW_H2=true");
        // What an operator reads on the console: Spring Boot's report of a failed start, with the setting to change.
        assertThat(output.toString()).contains("APPLICATION FAILED TO START").contains("HUB_ALLOW_H2=true")
                .doesNotContain("\tat com.hmoexchange");
    }

    @Test
    void a_plain_http_public_address_elsewhere_than_this_machine_stops_the_start() {
        FailureAnalysis analysis = refusedStart(POSTGRES, "hub.public-url=http://hub.example.ng");

        assertThat(analysis.getDescription()).contains("http://hub.example.ng is plain http");
        assertThat(analysis.getAction()).contains("HUB_PUBLIC_URL").contains("HUB_ALLOW_PLAIN_HTTP=true")
                .doesNotContain("HUB_DB_URL");
    }

    @Test
    void the_demo_profile_with_a_public_address_stops_the_start() {
        FailureAnalysis analysis = refusedStart(POSTGRES, "spring.profiles.active=demo", "hub.public-url=https://hub.example.ng");

        assertThat(analysis.getDescription()).contains("The demo profile is on");
        assertThat(analysis.getAction()).contains("SPRING_PROFILES_ACTIVE").contains("HUB_ALLOW_DEMO_ON_PUBLIC_ADDRESS=true");
    }

    @Test
    void a_mail_server_elsewhere_without_tls_stops_the_start() {
        FailureAnalysis analysis = refusedStart(POSTGRES, "hub.public-url=https://hub.example.ng",
                "spring.mail.host=smtp.example.ng", "spring.mail.port=587");

        assertThat(analysis.getDescription()).contains("The mail server smtp.example.ng is reached without TLS");
        assertThat(analysis.getAction()).contains("HUB_MAIL_STARTTLS=true").contains("HUB_ALLOW_SMTP_WITHOUT_TLS=true");
    }

    @Test
    void every_refusal_is_told_at_once() {
        FailureAnalysis analysis = refusedStart("hub.public-url=http://hub.example.ng", "spring.mail.host=smtp.example.ng");

        assertThat(analysis.getAction()).contains("HUB_DB_URL", "HUB_PUBLIC_URL", "HUB_MAIL_STARTTLS");
    }

    @Test
    void the_safe_settings_and_each_explicit_permission_pass() {
        assertThat(StartupChecks.check(env(POSTGRES, "hub.public-url=https://hub.example.ng",
                "spring.mail.host=smtp.example.ng", "spring.mail.properties.mail.smtp.starttls.required=true"))).isEmpty();
        assertThat(StartupChecks.check(env(POSTGRES, "hub.public-url=https://hub.example.ng",
                "spring.mail.host=smtp.example.ng", "spring.mail.protocol=smtps"))).isEmpty();
        // This machine: the developer's run and the tests.
        assertThat(StartupChecks.check(env(POSTGRES, "hub.public-url=http://localhost:8080", "spring.mail.host=127.0.0.1")))
                .isEmpty();
        assertThat(StartupChecks.check(env("spring.datasource.url=jdbc:h2:file:./data/hub", "hub.allow-h2=true",
                "hub.public-url=http://127.0.0.1:8080"))).isEmpty();
        assertThat(StartupChecks.check(env(POSTGRES, "hub.public-url=http://hub.internal", "hub.allow-plain-http=true",
                "spring.mail.host=mail", "hub.allow-smtp-without-tls=true"))).isEmpty();
        MockEnvironment demo = env(POSTGRES, "hub.public-url=https://demo.example.ng", "hub.allow-demo-on-public-address=true");
        demo.setActiveProfiles("demo");
        assertThat(StartupChecks.check(demo)).isEmpty();
    }

    @Test
    void the_demo_profile_on_this_machine_is_allowed_its_h2_database() {
        // As the README's run command: application-demo.yml allows H2, the public address is localhost.
        MockEnvironment demo = env("spring.datasource.url=jdbc:h2:file:./data/hub", "hub.allow-h2=true",
                "hub.public-url=http://localhost:8080", "spring.mail.host=127.0.0.1");
        demo.setActiveProfiles("demo");
        assertThat(StartupChecks.check(demo)).isEmpty();
    }

    /** Starts the hub as {@code java -jar} would, with these settings, and answers how the start failed. */
    static FailureAnalysis refusedStart(String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("server.port=0");
        all.add("spring.main.banner-mode=off");
        // Should a start get through, what it writes goes under target/.
        all.add("HUB_DATA_DIR=./target/startup-checks");
        // As command-line arguments (--name=value): above application.yml, as environment variables would be.
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(HubApplication.class)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new)).close());
        assertThat(failure).as("the start was refused").isNotNull();
        findCause(failure);
        return new UnsafeSettingsAnalyzer().analyze(failure);
    }

    private static UnsafeSettings findCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsafeSettings unsafe) {
                return unsafe;
            }
        }
        throw new AssertionError("The start failed for another reason than unsafe settings", failure);
    }

    private static MockEnvironment env(String... properties) {
        MockEnvironment env = new MockEnvironment();
        for (String property : properties) {
            int eq = property.indexOf('=');
            env.setProperty(property.substring(0, eq), property.substring(eq + 1));
        }
        return env;
    }
}
