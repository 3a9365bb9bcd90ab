package com.hmoexchange.hub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.messages.MessageStore;
import com.hmoexchange.hub.messages.Outcome;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The claims the broker gave up on, and the operator's replay: each chosen claim moves from the
 * dead-letter queue back to claims.outbound in one JMS transaction, so it is neither lost nor doubled.
 * A dead letter may carry a batch of claims; those settled since (delivered, or refused by the payer)
 * are left out of the list and of the replay, and replaying one claim leaves the rest of its batch in
 * the dead-letter queue.
 */
@Component
public class DeadLetters {

    private static final Pattern CLAIM_NUMBER = Pattern.compile("CLM-\\d{1,12}");

    private final JmsTemplate jms;
    private final ObjectMapper json;
    private final MessageStore store;

    DeadLetters(ConnectionFactory connectionFactory, ObjectMapper json, MessageStore store) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.json = json;
        this.store = store;
    }

    public record DeadLetter(String messageId, String claimNumber, String eventType, long timestamp) {
    }

    public List<DeadLetter> list() {
        List<DeadLetter> letters = jms.browse(BrokerQueues.OUTBOUND_DLQ, (session, browser) -> {
            List<DeadLetter> found = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && found.size() < 1000; ) {
                Message m = (Message) e.nextElement();
                for (JsonNode event : events((TextMessage) m)) {
                    found.add(new DeadLetter(m.getJMSMessageID(), event.path("claimNumber").asText(),
                            m.getStringProperty("eventType"), m.getJMSTimestamp()));
                }
            }
            return found;
        });
        Set<String> settled = settled(letters.stream().map(DeadLetter::claimNumber).toList());
        return letters.stream().filter(l -> !settled.contains(l.claimNumber())).toList();
    }

    /** Moves the dead letters of one claim (or all, when claimNumber is null) back to the outbound queue. */
    public int replay(String claimNumber) {
        if (claimNumber != null && !CLAIM_NUMBER.matcher(claimNumber).matches()) {
            throw new InvalidInput("claimNumber", "'" + claimNumber + "' is not a claim number such as CLM-00000042.");
        }
        String selector = claimNumber == null ? null
                : "aggregateId = '" + claimNumber + "' OR claimNumbers LIKE '%," + claimNumber + ",%'";
        Integer moved = jms.execute(session -> {
            Queue dlq = session.createQueue(BrokerQueues.OUTBOUND_DLQ);
            int count = 0;
            try (MessageConsumer consumer = session.createConsumer(dlq, selector);
                    MessageProducer outbound = session.createProducer(session.createQueue(BrokerQueues.OUTBOUND));
                    MessageProducer deadLetters = session.createProducer(dlq)) {
                for (Message m = consumer.receive(500); m != null; m = consumer.receive(200)) {
                    List<JsonNode> events = events((TextMessage) m);
                    Set<String> settled = settled(events.stream().map(e -> e.path("claimNumber").asText()).toList());
                    List<JsonNode> chosen = new ArrayList<>();
                    List<JsonNode> rest = new ArrayList<>();
                    for (JsonNode event : events) {
                        String number = event.path("claimNumber").asText();
                        if (settled.contains(number)) {
                            continue; // delivered or refused since: nothing to replay, nothing to keep
                        }
                        if (claimNumber == null || claimNumber.equals(number)) {
                            chosen.add(event);
                        } else {
                            rest.add(event);
                        }
                    }
                    if (!chosen.isEmpty()) {
                        outbound.send(copy(session, m, chosen));
                        count += chosen.size();
                    }
                    if (!rest.isEmpty()) {
                        deadLetters.send(copy(session, m, rest));
                    }
                }
            }
            session.commit();
            return count;
        }, true);
        return moved == null ? 0 : moved;
    }

    /** The claims among these whose sending ended since: delivered, or refused by the payer. */
    private Set<String> settled(List<String> claimNumbers) {
        return store.triesSoFar(claimNumbers.stream().map(n -> n + "-1").toList()).entrySet().stream()
                .filter(e -> e.getValue().delivered() || e.getValue().latest() == Outcome.REFUSED)
                .map(e -> e.getKey().substring(0, e.getKey().length() - 2))
                .collect(Collectors.toSet());
    }

    private List<JsonNode> events(TextMessage message) throws JMSException {
        try {
            JsonNode body = json.readTree(message.getText());
            List<JsonNode> events = new ArrayList<>();
            (body.isArray() ? body : List.of(body)).forEach(events::add);
            return events;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A dead letter is not a claim event: " + e.getOriginalMessage(), e);
        }
    }

    /** The message again with only these events, its properties kept (not the broker's own). */
    private static TextMessage copy(Session session, Message original, List<JsonNode> events) throws JMSException {
        TextMessage copy = session.createTextMessage(events.size() == 1 ? events.get(0).toString()
                : events.stream().map(JsonNode::toString).collect(Collectors.joining(",", "[", "]")));
        for (Object name : Collections.list(original.getPropertyNames())) {
            String property = (String) name;
            if (!property.startsWith("JMSX") && !property.startsWith("_AMQ")) {
                copy.setObjectProperty(property, original.getObjectProperty(property));
            }
        }
        String first = events.get(0).path("claimNumber").asText();
        copy.setStringProperty("aggregateId", first);
        copy.setStringProperty("claimNumbers", events.stream().map(e -> e.path("claimNumber").asText())
                .collect(Collectors.joining(",", ",", ",")));
        return copy;
    }
}
