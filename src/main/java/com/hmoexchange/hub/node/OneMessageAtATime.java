package com.hmoexchange.hub.node;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The hub's broker consumers take one message at a time ({@code consumerWindowSize=0}) instead of Artemis's
 * default 1 MiB buffer per consumer. With the buffer, the first node's consumers hold most of claims.outbound in
 * memory; when another node dies, the batches it had in hand go back to the queue behind all that, and wait
 * minutes at size. Taken one at a time, they are the next ones any live consumer takes. A message carries a batch
 * of claims, so the extra round trip per message costs little. A {@code consumerWindowSize} given in
 * {@code HUB_ARTEMIS_URL} still wins.
 */
@Component
class OneMessageAtATime implements BeanPostProcessor {

    private final boolean urlChooses;

    OneMessageAtATime(Environment settings) {
        this.urlChooses = settings.getProperty("spring.artemis.broker-url", "").contains("consumerWindowSize");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Object target = bean instanceof CachingConnectionFactory caching ? caching.getTargetConnectionFactory() : bean;
        if (target instanceof ActiveMQConnectionFactory artemis && !urlChooses) {
            artemis.setConsumerWindowSize(0);
        }
        return bean;
    }
}
