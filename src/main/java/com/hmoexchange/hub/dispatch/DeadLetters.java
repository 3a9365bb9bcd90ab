package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.common.InvalidInput;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The claims the broker gave up on, and the operator's replay: each chosen message moves from the
 * dead-letter queue back to claims.outbound in one JMS transaction, so it is neither lost nor doubled.
 */
@Component
public class DeadLetters {

    private static final Pattern CLAIM_NUMBER = Pattern.compile("CLM-\\d{1,12}");

    private final JmsTemplate jms;

    DeadLetters(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    public record DeadLetter(String messageId, String claimNumber, String eventType, long timestamp) {
    }

    public List<DeadLetter> list() {
        return jms.browse(BrokerQueues.OUTBOUND_DLQ, (session, browser) -> {
            List<DeadLetter> letters = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && letters.size() < 1000; ) {
                Message m = (Message) e.nextElement();
                letters.add(new DeadLetter(m.getJMSMessageID(), m.getStringProperty("aggregateId"),
                        m.getStringProperty("eventType"), m.getJMSTimestamp()));
            }
            return letters;
        });
    }

    /** Moves the dead letters of one claim (or all, when claimNumber is null) back to the outbound queue. */
    public int replay(String claimNumber) {
        if (claimNumber != null && !CLAIM_NUMBER.matcher(claimNumber).matches()) {
            throw new InvalidInput("claimNumber", "'" + claimNumber + "' is not a claim number such as CLM-00000042.");
        }
        String selector = claimNumber == null ? null : "aggregateId = '" + claimNumber + "'";
        Integer moved = jms.execute(session -> {
            Queue dlq = session.createQueue(BrokerQueues.OUTBOUND_DLQ);
            Queue outbound = session.createQueue(BrokerQueues.OUTBOUND);
            int count = 0;
            try (MessageConsumer consumer = session.createConsumer(dlq, selector);
                    MessageProducer producer = session.createProducer(outbound)) {
                for (Message m = consumer.receive(500); m != null; m = consumer.receive(200)) {
                    TextMessage copy = session.createTextMessage(((TextMessage) m).getText());
                    for (Object name : Collections.list(m.getPropertyNames())) {
                        String property = (String) name;
                        if (!property.startsWith("JMSX") && !property.startsWith("_AMQ")) {
                            copy.setObjectProperty(property, m.getObjectProperty(property));
                        }
                    }
                    producer.send(copy);
                    count++;
                }
            }
            session.commit();
            return count;
        }, true);
        return moved == null ? 0 : moved;
    }
}
