package com.hmoexchange.hub.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends events to the outbox; must join the caller's transaction so the event and the change commit together. */
@Component
public class Outbox {

    private final OutboxRepository messages;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(OutboxRepository messages, ObjectMapper json, Clock clock) {
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String aggregateType, String aggregateId, Object event) {
        try {
            messages.save(new OutboxMessage(aggregateType, aggregateId, event.getClass().getSimpleName(),
                    json.writeValueAsString(event), clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
