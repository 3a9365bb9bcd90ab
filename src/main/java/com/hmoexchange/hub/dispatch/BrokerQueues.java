package com.hmoexchange.hub.dispatch;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Retry and dead-lettering live in the broker, so they survive restarts: a claim whose send failed
 * goes back to its queue after a growing delay, and after the last attempt to the dead-letter queue.
 * This configures the embedded broker; {@link ExternalBrokerSetup} gives an external one the same settings.
 */
@Configuration
class BrokerQueues {

    static final String OUTBOUND = "claims.outbound";
    static final String OUTBOUND_DLQ = "claims.outbound.dlq";

    /** claims.outbound's retry with back-off and its dead-letter queue, from the hub.dispatch settings. */
    static AddressSettings outboundSettings(Environment settings) {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(OUTBOUND_DLQ))
                .setMaxDeliveryAttempts(settings.getRequiredProperty("hub.dispatch.max-delivery-attempts", Integer.class))
                .setRedeliveryDelay(settings.getRequiredProperty("hub.dispatch.redelivery-delay-ms", Long.class))
                .setRedeliveryMultiplier(settings.getRequiredProperty("hub.dispatch.redelivery-multiplier", Double.class))
                .setMaxRedeliveryDelay(settings.getRequiredProperty("hub.dispatch.max-redelivery-delay-ms", Long.class));
    }

    @Bean
    ArtemisConfigurationCustomizer dispatchRedelivery(Environment settings) {
        return configuration -> configuration.addAddressSetting(OUTBOUND, outboundSettings(settings));
    }

    /**
     * Camel's JMS component on the broker's own connection factory (not Spring's caching wrapper,
     * which does not suit listener containers). Routes that say transacted=true get a JMS-local
     * transaction, so a failed send rolls the message back to the broker.
     */
    @Bean("jms")
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(brokers(connectionFactory));
        return jms;
    }

    /** The broker's own connection factory behind Spring's caching wrapper. */
    static ConnectionFactory brokers(ConnectionFactory connectionFactory) {
        return connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connectionFactory;
    }
}
