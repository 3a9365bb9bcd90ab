package com.hmoexchange.hub.dispatch;

import org.springframework.jms.core.JmsTemplate;

/** A message on claims.outbound that names a claim but cannot be read as its events: it fails at every delivery. */
final class UnreadableMessages {

    private UnreadableMessages() {
    }

    /** Sends one and returns the (made-up) claim number it names. */
    static String send(JmsTemplate jms) {
        String number = "CLM-" + (90000000 + new java.util.Random().nextInt(9999999));
        jms.send(BrokerQueues.OUTBOUND, session -> {
            var message = session.createTextMessage("{\"claimNumber\": \"" + number);
            message.setStringProperty("eventType", "ClaimSubmitted");
            message.setStringProperty("aggregateId", number);
            message.setStringProperty("claimNumbers", "," + number + ",");
            return message;
        });
        return number;
    }
}
