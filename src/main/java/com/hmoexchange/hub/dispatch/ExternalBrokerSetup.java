package com.hmoexchange.hub.dispatch;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * An external broker (HUB_ARTEMIS_MODE=native) gets what the embedded one is given at start: the
 * claims.outbound retry settings and both queues. Without them a broker on its defaults retries a
 * failed claim at once and moves it, after the last attempt, to its own DLQ, where the hub's
 * dead-letter list never looks and from where no replay is possible. The hub sets them through
 * Artemis's management API before its senders start, so it needs the broker user's manage
 * permission; if that is refused, the hub does not start, and says what to do. A broker that cannot be
 * reached yet is waited for, a minute at most. The broker keeps the settings in its journal.
 * HUB_ARTEMIS_CONFIGURE=false leaves the broker to its administrator (docs/configuration.md).
 */
@Component
@ConditionalOnExpression("'${spring.artemis.mode:embedded}'.toLowerCase() == 'native' && ${hub.dispatch.configure-external-broker:true}")
class ExternalBrokerSetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ExternalBrokerSetup.class);
    private static final String MANAGEMENT = "activemq.management";
    private static final long ANSWER_WAIT_MS = 10_000;

    private final ConnectionFactory connectionFactory;
    private final Environment settings;
    private final String brokerUrl;
    private final Duration reachWithin;

    @Autowired
    ExternalBrokerSetup(ConnectionFactory connectionFactory, Environment settings) {
        this(connectionFactory, settings, Duration.ofSeconds(60));
    }

    /** reachWithin: how long a broker that cannot be reached yet (still starting, say) is waited for. */
    ExternalBrokerSetup(ConnectionFactory connectionFactory, Environment settings, Duration reachWithin) {
        this.connectionFactory = BrokerQueues.brokers(connectionFactory);
        this.settings = settings;
        this.brokerUrl = settings.getProperty("spring.artemis.broker-url", "");
        this.reachWithin = reachWithin;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Connection connection = connect()) {
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
            log.info("The external broker at {} has the {} retry settings and the queues {} and {}", brokerUrl,
                    BrokerQueues.OUTBOUND, BrokerQueues.OUTBOUND, BrokerQueues.OUTBOUND_DLQ);
        } catch (JMSException | RuntimeException e) {
            throw e instanceof NotReached ? (NotReached) e : new IllegalStateException("The external broker at " + brokerUrl
                    + " did not take the retry and dead-letter settings of " + BrokerQueues.OUTBOUND + " (" + e.getMessage()
                    + "). Give the hub's broker user (HUB_ARTEMIS_USER) the manage permission, or configure the broker as"
                    + " docs/configuration.md shows and set HUB_ARTEMIS_CONFIGURE=false.", e);
        }
    }

    /** A connection, waiting with growing pauses while the broker cannot be reached; a refused login is not waited out. */
    private Connection connect() {
        long giveUpAt = System.nanoTime() + reachWithin.toNanos();
        long pauseMs = 500;
        while (true) {
            try {
                return connectionFactory.createConnection();
            } catch (JMSSecurityException e) {
                throw new NotReached("The external broker at " + brokerUrl + " refused the hub's login (" + e.getMessage()
                        + "): check HUB_ARTEMIS_USER and HUB_ARTEMIS_PASSWORD.", e);
            } catch (JMSException e) {
                if (System.nanoTime() + pauseMs * 1_000_000 > giveUpAt) {
                    throw new NotReached("The external broker at " + brokerUrl + " could not be reached within "
                            + reachWithin.toSeconds() + " s (" + e.getMessage() + "): check HUB_ARTEMIS_URL and that the broker runs.", e);
                }
                log.warn("The external broker at {} cannot be reached yet ({}); trying again in {} ms", brokerUrl, e.getMessage(), pauseMs);
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new NotReached("Interrupted while waiting for the external broker at " + brokerUrl, interrupted);
                }
                pauseMs = Math.min(pauseMs * 2, 10_000);
            }
        }
    }

    /** The broker could not be reached or refused the login: said as it is, without the advice about permissions. */
    static final class NotReached extends IllegalStateException {
        NotReached(String message, Throwable cause) {
            super(message, cause);
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
