package com.hmoexchange.hub.dispatch;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Retry and dead-lettering live in the broker, so they survive restarts: a claim whose send failed
 * goes back to its queue after a growing delay, and after the last attempt to the dead-letter queue.
 * This configures the embedded broker; an external broker needs the same address settings
 * (docs/configuration.md shows them).
 */
@Configuration
class BrokerQueues {

    static final String OUTBOUND = "claims.outbound";
    static final String OUTBOUND_DLQ = "claims.outbound.dlq";

    @Bean
    ArtemisConfigurationCustomizer dispatchRedelivery(@Value("${hub.dispatch.max-delivery-attempts}") int attempts,
            @Value("${hub.dispatch.redelivery-delay-ms}") long delay,
            @Value("${hub.dispatch.redelivery-multiplier}") double multiplier,
            @Value("${hub.dispatch.max-redelivery-delay-ms}") long maxDelay) {
        return configuration -> configuration.addAddressSetting(OUTBOUND, new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(OUTBOUND_DLQ))
                .setMaxDeliveryAttempts(attempts)
                .setRedeliveryDelay(delay)
                .setRedeliveryMultiplier(multiplier)
                .setMaxRedeliveryDelay(maxDelay));
    }

    /**
     * Camel's JMS component on the broker's own connection factory (not Spring's caching wrapper,
     * which does not suit listener containers). Routes that say transacted=true get a JMS-local
     * transaction, so a failed send rolls the message back to the broker.
     */
    @Bean("jms")
    JmsComponent jms(ConnectionFactory connectionFactory) {
        ConnectionFactory target = connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connectionFactory;
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(target);
        return jms;
    }
}
