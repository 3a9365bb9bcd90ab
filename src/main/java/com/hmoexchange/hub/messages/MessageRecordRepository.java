package com.hmoexchange.hub.messages;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface MessageRecordRepository extends JpaRepository<MessageRecord, Long>, JpaSpecificationExecutor<MessageRecord> {

    /** The claims whose outbound message to the payer carried this X12 set control number (ST02). */
    @Query("select distinct m.claimNumber from MessageRecord m where m.direction = 'OUT' and m.payerCode = :payerCode "
            + "and m.setControlNumber = :setControlNumber and m.claimNumber is not null")
    List<String> claimNumbersSentAs(String payerCode, String setControlNumber);
}
