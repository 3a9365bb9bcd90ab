package com.hmoexchange.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hmoexchange.hub.support.PayerSandboxes;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub on an external broker (HUB_ARTEMIS_MODE=native): an Artemis server this test starts, reached
 * over TCP with a password, security on and nothing configured for the hub. The hub gives it the
 * retry settings and queues of claims.outbound itself, so a claim that cannot be sent is dead-lettered
 * where operators see it.
 */
@SpringBootTest(properties = {"spring.artemis.mode=native", "spring.artemis.user=hub", "spring.artemis.password=hub-secret"})
@ActiveProfiles("test")
@DirtiesContext // its outbox relay must not go on sending the other tests' claims to this broker
class ExternalBrokerTests {

    static final int PORT = freePort();

    /** The broker is a bean so that it stops after the hub's listeners, when the context closes. */
    @TestConfiguration
    static class Broker {
        @Bean(destroyMethod = "stop")
        EmbeddedActiveMQ externalBroker() {
            return start();
        }
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:" + PORT);
        PayerSandboxes.register(registry);
    }

    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    JmsTemplate jms;
    @Autowired
    Environment settings;

    @Test
    void the_hub_gives_an_external_broker_the_retry_settings_and_queues_of_claims_outbound() {
        AddressSettings outbound = broker.getActiveMQServer().getAddressSettingsRepository().getMatch("claims.outbound");
        // The test profile's hub.dispatch settings (application-test.yml).
        assertThat(outbound.getDeadLetterAddress().toString()).isEqualTo("claims.outbound.dlq");
        assertThat(outbound.getMaxDeliveryAttempts()).isEqualTo(4);
        assertThat(outbound.getRedeliveryDelay()).isEqualTo(200);
        assertThat(outbound.getRedeliveryMultiplier()).isEqualTo(2.0);
        assertThat(outbound.getMaxRedeliveryDelay()).isEqualTo(1000);
        for (String name : new String[] {"claims.outbound", "claims.outbound.dlq"}) {
            Queue queue = broker.getActiveMQServer().locateQueue(name);
            assertThat(queue).as(name).isNotNull();
            assertThat(queue.isDurable()).isTrue();
            assertThat(queue.getRoutingType()).isEqualTo(RoutingType.ANYCAST);
        }
    }

    @Test
    void a_message_that_keeps_failing_is_retried_then_dead_lettered_where_operators_see_it() {
        // A message the hub cannot read fails at every delivery, as a claim whose payer stays down would.
        String number = UnreadableMessages.send(jms);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list().stream()
                .anyMatch(letter -> number.equals(letter.claimNumber())));
    }

    @Test
    void a_broker_user_without_the_manage_permission_is_told_what_to_do() {
        ExternalBrokerSetup setup = new ExternalBrokerSetup(
                new ActiveMQConnectionFactory("tcp://127.0.0.1:" + PORT, "sender", "sender-secret"), settings);

        assertThatThrownBy(setup::afterSingletonsInstantiated)
                .hasMessageContaining("permission='MANAGE'") // the broker's own reason
                .hasMessageContaining("manage permission")
                .hasMessageContaining("HUB_ARTEMIS_CONFIGURE=false");
    }

    @Test
    void a_refused_login_is_told_as_such() {
        ExternalBrokerSetup setup = new ExternalBrokerSetup(
                new ActiveMQConnectionFactory("tcp://127.0.0.1:" + PORT, "hub", "wrong-password"), settings, Duration.ofSeconds(5));

        assertThatThrownBy(setup::afterSingletonsInstantiated)
                .hasMessageContaining("refused the hub's login")
                .hasMessageContaining("HUB_ARTEMIS_PASSWORD")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void a_broker_that_cannot_be_reached_is_waited_for_then_named() {
        ExternalBrokerSetup setup = new ExternalBrokerSetup(
                new ActiveMQConnectionFactory("tcp://127.0.0.1:" + freePort(), "hub", "hub-secret"), settings, Duration.ofSeconds(2));

        assertThatThrownBy(setup::afterSingletonsInstantiated)
                .hasMessageContaining("could not be reached within 2 s")
                .hasMessageContaining("HUB_ARTEMIS_URL");
    }

    /** A broker on Artemis's defaults, with two users: "hub" may manage it, "sender" may only send and consume. */
    private static EmbeddedActiveMQ start() {
        try {
            Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(true)
                    .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + PORT);
            configuration.putSecurityRoles("#", Set.of(role("hub", true), role("sender", false)));
            SecurityConfiguration users = new SecurityConfiguration();
            users.addUser("hub", "hub-secret");
            users.addRole("hub", "hub");
            users.addUser("sender", "sender-secret");
            users.addRole("sender", "sender");
            return new EmbeddedActiveMQ().setConfiguration(configuration)
                    .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users)).start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test's Artemis broker", e);
        }
    }

    private static Role role(String name, boolean manage) {
        Role role = new Role();
        role.setName(name);
        role.setSend(true);
        role.setConsume(true);
        role.setBrowse(true);
        role.setCreateAddress(true);
        role.setCreateDurableQueue(true);
        role.setCreateNonDurableQueue(true);
        role.setDeleteNonDurableQueue(true);
        role.setManage(manage);
        return role;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
