package com.hmoexchange.hub.messages;

import com.hmoexchange.hub.common.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The message store searched by business key, newest first: for the API and the operators' pages alike. */
@Component
class MessageSearch {

    private final MessageRecordRepository records;

    MessageSearch(MessageRecordRepository records) {
        this.records = records;
    }

    /** Each key left null (or blank) does not filter. */
    record Keys(String claimNumber, String providerReference, String payerReference, String payer, Outcome outcome) {
    }

    @Transactional(readOnly = true)
    Page<MessageRecord> search(Keys keys, int page, int size) {
        Specification<MessageRecord> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            equal(where, cb.equal(root.get("claimNumber"), keys.claimNumber()), keys.claimNumber());
            equal(where, cb.equal(root.get("providerReference"), keys.providerReference()), keys.providerReference());
            equal(where, cb.equal(root.get("payerReference"), keys.payerReference()), keys.payerReference());
            equal(where, cb.equal(root.get("payerCode"), keys.payer()), keys.payer());
            if (keys.outcome() != null) {
                where.add(cb.equal(root.get("outcome"), keys.outcome()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return records.findAll(spec, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
                Sort.by(Sort.Order.desc("id"))));
    }

    @Transactional(readOnly = true)
    MessageRecord one(long id) {
        return records.findById(id).orElseThrow(() -> new NotFoundException("Message", id));
    }

    private static void equal(List<Predicate> where, Predicate predicate, String value) {
        if (value != null && !value.isBlank()) {
            where.add(predicate);
        }
    }
}
