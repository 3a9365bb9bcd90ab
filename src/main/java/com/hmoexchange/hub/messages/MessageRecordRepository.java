package com.hmoexchange.hub.messages;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface MessageRecordRepository extends JpaRepository<MessageRecord, Long>, JpaSpecificationExecutor<MessageRecord> {

    boolean existsByIdempotencyKeyAndOutcome(String idempotencyKey, Outcome outcome);

    int countByIdempotencyKey(String idempotencyKey);

    List<MessageRecord> findByClaimNumberOrderByIdAsc(String claimNumber);
}
