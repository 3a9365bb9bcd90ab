package com.hmoexchange.hub.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.ApiTest;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * What a node that dies had in hand is the next thing a live node takes: not queued behind messages the live
 * node's consumers had already buffered (the kill-node drill found claims waiting 40 s and more that way).
 */
class OneMessageAtATimeTests extends ApiTest {

    @Autowired
    ConnectionFactory hubConnections;

    @Test
    void aDeadConsumersMessageIsTheNextOneALiveConsumerTakes() throws Exception {
        ConnectionFactory broker = hubConnections instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : hubConnections;
        String queueName = "test.one-at-a-time." + System.nanoTime();
        try (Connection dying = broker.createConnection(); Connection living = broker.createConnection()) {
            dying.start();
            living.start();
            Session dyingSession = dying.createSession(true, Session.SESSION_TRANSACTED);
            Session livingSession = living.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = livingSession.createQueue(queueName);
            MessageConsumer dyingNode = dyingSession.createConsumer(queue);
            MessageConsumer livingNode = livingSession.createConsumer(queue);
            MessageProducer producer = livingSession.createProducer(queue);
            for (int i = 1; i <= 5; i++) {
                producer.send(livingSession.createTextMessage("batch-" + i));
            }
            livingSession.commit();

            assertThat(text(dyingNode.receive(5000))).isEqualTo("batch-1");
            assertThat(text(livingNode.receive(5000))).isEqualTo("batch-2");
            livingSession.commit();

            dying.close(); // the node dies with batch-1 in hand, uncommitted

            // Buffered consumers would answer batch-4 here (batches 3 and 5 went to the dead node's buffer).
            assertThat(text(livingNode.receive(5000))).isEqualTo("batch-1");
            livingSession.commit();
        }
    }

    private static String text(jakarta.jms.Message message) throws Exception {
        assertThat(message).as("a message within 5 s").isNotNull();
        return ((TextMessage) message).getText();
    }
}
