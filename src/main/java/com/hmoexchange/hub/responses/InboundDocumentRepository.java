package com.hmoexchange.hub.responses;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboundDocumentRepository extends JpaRepository<InboundDocument, Long> {

    List<InboundDocument> findByOutcomeAndReleasedAtIsNullOrderByReceivedAtDescIdDesc(InboundDocument.Outcome outcome, Pageable page);

    List<InboundDocument> findByPayerCodeOrderByIdDesc(String payerCode, Pageable page);

    List<InboundDocument> findAllByOrderByIdDesc(Pageable page);
}
