package com.hmoexchange.hub.operations;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * How many messages wait on the hub's queues, asked of Artemis's management address: the same question
 * works on the embedded broker and on an external one (whose user then needs the manage permission).
 * Unlike browsing, the count includes messages waiting for their redelivery delay.
 */
@Component
class BrokerDepths {

    static final List<String> QUEUES = List.of("claims.outbound", "claims.outbound.dlq");

    private static final Logger log = LoggerFactory.getLogger(BrokerDepths.class);
    private static final long ANSWER_WAIT_MS = 5_000;

    private final JmsTemplate jms;

    BrokerDepths(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
    }

    /** Each queue's message count; a queue the broker could not count is left out (and logged). */
    Map<String, Long> depths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        try {
            jms.execute(session -> {
                Queue management = session.createQueue("activemq.management");
                TemporaryQueue answers = session.createTemporaryQueue();
                try (MessageProducer requests = session.createProducer(management);
                        MessageConsumer replies = session.createConsumer(answers)) {
                    for (String queue : QUEUES) {
                        Long count = count(session, requests, replies, answers, queue);
                        if (count != null) {
                            depths.put(queue, count);
                        }
                    }
                } finally {
                    answers.delete();
                }
                return null;
            }, true);
        } catch (RuntimeException e) {
            log.warn("Could not read the queue depths from the broker: {}", e.getMessage());
        }
        return depths;
    }

    private static Long count(Session session, MessageProducer requests, MessageConsumer replies, TemporaryQueue answers,
            String queue) throws jakarta.jms.JMSException {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
        request.setJMSReplyTo(answers);
        requests.send(request);
        Message answer = replies.receive(ANSWER_WAIT_MS);
        if (answer == null || !JMSManagementHelper.hasOperationSucceeded(answer)) {
            log.warn("The broker did not give the depth of {}", queue);
            return null;
        }
        try {
            return ((Number) JMSManagementHelper.getResult(answer)).longValue();
        } catch (Exception e) {
            log.warn("The broker's answer about {} holds no count: {}", queue, e.getMessage());
            return null;
        }
    }
}
