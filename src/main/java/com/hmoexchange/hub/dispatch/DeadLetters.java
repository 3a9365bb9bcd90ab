package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.web.Display;
import com.hmoexchange.hub.messages.MessageStore;
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
import java.util.Map;
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

    private final AuditLog audit;

    DeadLetters(ConnectionFactory connectionFactory, ObjectMapper json, MessageStore store, AuditLog audit) {
        this.audit = audit;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.json = json;
        this.store = store;
    }

    /** One claim given up on; {@code problem} says why a dead letter that cannot be read is listed as it is. */
    public record DeadLetter(String messageId, String claimNumber, String eventType, long timestamp, String problem) {

        /** The event in words for the page: "ClaimResendRequested" as "Claim resend requested". */
        public String kind() {
            return eventType == null ? "Unknown" : Display.words(eventType.replaceAll("([a-z])([A-Z])", "$1_$2"));
        }
    }

    public List<DeadLetter> list() {
        List<DeadLetter> letters = jms.browse(BrokerQueues.OUTBOUND_DLQ, (session, browser) -> {
            List<DeadLetter> found = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && found.size() < 1000; ) {
                Message m = (Message) e.nextElement();
                List<JsonNode> events = events(m);
                if (events == null) {
                    found.add(new DeadLetter(m.getJMSMessageID(), m.getStringProperty("aggregateId"), m.getStringProperty("eventType"),
                            m.getJMSTimestamp(), "The message cannot be read as claim events; it stays here for a person to look at."));
                }
                for (JsonNode event : events == null ? List.<JsonNode>of() : events) {
                    found.add(new DeadLetter(m.getJMSMessageID(), event.path("claimNumber").asText(),
                            m.getStringProperty("eventType"), m.getJMSTimestamp(), null));
                }
            }
            return found;
        });
        Set<String> settled = settled(letters.stream().filter(l -> l.problem() == null).map(DeadLetter::claimNumber).toList());
        return letters.stream().filter(l -> l.problem() != null || !settled.contains(l.claimNumber())).toList();
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
                    List<JsonNode> events = events(m);
                    if (events == null) {
                        deadLetters.send(m); // unreadable: replaying it would only fail again
                        continue;
                    }
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
        audit.record(AuditAction.DEAD_LETTER_REPLAYED, "claim", claimNumber == null ? "all" : claimNumber,
                (moved == null ? 0 : moved) + " put back on the outbound queue");
        return moved == null ? 0 : moved;
    }

    /** The claims among these whose sending ended since: delivered, or refused by the payer. */
    private Set<String> settled(List<String> claimNumbers) {
        Map<String, MessageStore.TriesSoFar> tries = store.triesSoFar(claimNumbers.stream().map(Dispatcher::idempotencyKey).toList());
        return claimNumbers.stream().filter(number -> tries.get(Dispatcher.idempotencyKey(number)).settled())
                .collect(Collectors.toSet());
    }

    /** The claim events a dead letter carries, or null when it cannot be read as such. */
    private List<JsonNode> events(Message message) throws JMSException {
        try {
            JsonNode body = message instanceof TextMessage text ? json.readTree(text.getText()) : null;
            if (body == null || !(body.isArray() || body.isObject())) {
                return null;
            }
            List<JsonNode> events = new ArrayList<>();
            (body.isArray() ? body : List.of(body)).forEach(events::add);
            return events;
        } catch (JsonProcessingException e) {
            return null;
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
