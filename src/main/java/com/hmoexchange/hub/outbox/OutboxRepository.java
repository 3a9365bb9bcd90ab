package com.hmoexchange.hub.outbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByAggregateTypeAndAggregateIdOrderByIdAsc(String aggregateType, String aggregateId);
}
