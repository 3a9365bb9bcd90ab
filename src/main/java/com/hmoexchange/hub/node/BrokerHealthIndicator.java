package com.hmoexchange.hub.node;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The broker's part of readiness ({@code /actuator/health/readiness}, as "broker"): a node that cannot reach its
 * broker cannot take claims to their payers, so a load balancer should send its traffic to another node. Each
 * check opens a connection of its own and a session on it, on the broker's connection factory behind Spring's
 * caching wrapper: Spring Boot's "jms" check asks the wrapper, whose one shared connection says little about
 * the broker now (a client reconnecting to a live/backup pair keeps it open). Liveness does not include it,
 * so a broker outage never gets nodes restarted.
 */
@Component("broker")
class BrokerHealthIndicator extends AbstractHealthIndicator {

    private final ConnectionFactory brokers;

    BrokerHealthIndicator(ConnectionFactory connectionFactory) {
        super("The broker could not be reached");
        this.brokers = connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connectionFactory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws JMSException {
        try (Connection connection = brokers.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            builder.up().withDetail("provider", connection.getMetaData().getJMSProviderName());
        }
    }
}
