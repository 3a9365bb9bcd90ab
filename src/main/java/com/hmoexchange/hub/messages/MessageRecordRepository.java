package com.hmoexchange.hub.messages;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface MessageRecordRepository extends JpaRepository<MessageRecord, Long>, JpaSpecificationExecutor<MessageRecord> {
}
