package com.hmoexchange.hub.messages;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface MessageRecordRepository extends JpaRepository<MessageRecord, Long> {

    /** The claims whose outbound message to the payer carried this X12 set control number (ST02). */
    @Query("select distinct m.claimNumber from MessageRecord m where m.direction = 'OUT' and m.payerCode = :payerCode "
            + "and m.setControlNumber = :setControlNumber and m.claimNumber is not null")
    List<String> claimNumbersSentAs(String payerCode, String setControlNumber);

    /**
     * Marks the messages that delivered these claims with the payment that paid them, so operators find them by the
     * payment reference (the latest payment of a claim wins). Runs in the caller's transaction.
     */
    @Modifying
    @Query("update MessageRecord m set m.paymentReference = :paymentReference where m.payerCode = :payerCode "
            + "and m.claimNumber in :claimNumbers and m.direction = 'OUT' and m.outcome = com.hmoexchange.hub.messages.Outcome.DELIVERED")
    int paymentPosted(String payerCode, String paymentReference, List<String> claimNumbers);
}
