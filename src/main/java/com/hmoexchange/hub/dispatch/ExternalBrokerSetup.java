package com.hmoexchange.hub.dispatch;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * An external broker (HUB_ARTEMIS_MODE=native) gets what the embedded one is given at start: the
 * claims.outbound retry settings and both queues. Without them a broker on its defaults retries a
 * failed claim at once and moves it, after the last attempt, to its own DLQ, where the hub's
 * dead-letter list never looks and from where no replay is possible. The hub sets them through
 * Artemis's management API before its senders start, so it needs the broker user's manage
 * permission; if that is refused, the hub does not start, and says what to do.
 * HUB_ARTEMIS_CONFIGURE=false leaves the broker to its administrator (docs/configuration.md).
 */
@Component
@ConditionalOnExpression("'${spring.artemis.mode:embedded}' == 'native' && ${hub.dispatch.configure-external-broker:true}")
class ExternalBrokerSetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ExternalBrokerSetup.class);
    private static final String MANAGEMENT = "activemq.management";
    private static final long ANSWER_WAIT_MS = 10_000;

    private final ConnectionFactory connectionFactory;
    private final Environment settings;

    ExternalBrokerSetup(ConnectionFactory connectionFactory, Environment settings) {
        this.connectionFactory = BrokerQueues.brokers(connectionFactory);
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue answers = session.createTemporaryQueue();
            MessageProducer requests = session.createProducer(session.createQueue(MANAGEMENT));
            MessageConsumer replies = session.createConsumer(answers);
            connection.start();
            Broker broker = (operation, arguments) -> call(session, requests, replies, answers, operation, arguments);
            broker.call("addAddressSettings", BrokerQueues.OUTBOUND, BrokerQueues.outboundSettings(settings).toJSON());
            for (String queue : new String[] {BrokerQueues.OUTBOUND, BrokerQueues.OUTBOUND_DLQ}) {
                broker.call("createQueue", QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true).setAutoCreateAddress(true).toJSON(), true);
            }
            log.info("The external broker has the {} retry settings and the queues {} and {}", BrokerQueues.OUTBOUND,
                    BrokerQueues.OUTBOUND, BrokerQueues.OUTBOUND_DLQ);
        } catch (JMSException | RuntimeException e) {
            throw new IllegalStateException("Could not give the external broker the retry and dead-letter settings of "
                    + BrokerQueues.OUTBOUND + " (" + e.getMessage() + "). Give the hub's broker user (HUB_ARTEMIS_USER) the"
                    + " manage permission, or configure the broker as docs/configuration.md shows and set"
                    + " HUB_ARTEMIS_CONFIGURE=false.", e);
        }
    }

    private interface Broker {
        void call(String operation, Object... arguments) throws JMSException;
    }

    private static void call(Session session, MessageProducer requests, MessageConsumer replies, TemporaryQueue answers,
            String operation, Object... arguments) throws JMSException {
        Message request = session.createMessage();
        JMSManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, operation, arguments);
        request.setJMSReplyTo(answers);
        requests.send(request);
        Message answer = replies.receive(ANSWER_WAIT_MS);
        if (answer == null) {
            throw new IllegalStateException("the broker did not answer " + operation + " within " + ANSWER_WAIT_MS / 1000 + " s");
        }
        if (!JMSManagementHelper.hasOperationSucceeded(answer)) {
            throw new IllegalStateException("the broker refused " + operation + ": " + result(answer));
        }
    }

    private static Object result(Message answer) {
        try {
            return JMSManagementHelper.getResult(answer);
        } catch (Exception e) {
            return "no reason given";
        }
    }
}
