package com.hmoexchange.hub.messages;

import com.hmoexchange.hub.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/messages")
@Tag(name = "Message store", description = "Every message in or out, searchable by business key")
class MessageController {

    private final MessageRecordRepository records;

    MessageController(MessageRecordRepository records) {
        this.records = records;
    }

    record MessageRow(long id, String direction, String channel, String payer, String claimNumber, String providerReference,
            String payerReference, String idempotencyKey, int attempt, Outcome outcome, String error, String target,
            Instant startedAt, Long durationMs) {
        static MessageRow of(MessageRecord r) {
            return new MessageRow(r.getId(), r.getDirection(), r.getChannel(), r.getPayerCode(), r.getClaimNumber(),
                    r.getProviderReference(), r.getPayerReference(), r.getIdempotencyKey(), r.getAttempt(), r.getOutcome(),
                    r.getError(), r.getTarget(), r.getStartedAt(), r.getDurationMs());
        }
    }

    record MessagePage(List<MessageRow> items, int page, int size, long totalItems) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Search messages by claim number, provider claim reference, payer reference, payer or outcome")
    MessagePage search(@RequestParam(required = false) String claimNumber,
            @RequestParam(required = false) String providerReference, @RequestParam(required = false) String payerReference,
            @RequestParam(required = false) String payer, @RequestParam(required = false) Outcome outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Specification<MessageRecord> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (claimNumber != null) {
                where.add(cb.equal(root.get("claimNumber"), claimNumber));
            }
            if (providerReference != null) {
                where.add(cb.equal(root.get("providerReference"), providerReference));
            }
            if (payerReference != null) {
                where.add(cb.equal(root.get("payerReference"), payerReference));
            }
            if (payer != null) {
                where.add(cb.equal(root.get("payerCode"), payer));
            }
            if (outcome != null) {
                where.add(cb.equal(root.get("outcome"), outcome));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<MessageRecord> found = records.findAll(spec, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
                Sort.by(Sort.Order.desc("id"))));
        return new MessagePage(found.map(MessageRow::of).getContent(), page, size, found.getTotalElements());
    }

    @GetMapping("/{id}/payload")
    @Transactional(readOnly = true)
    @Operation(summary = "The exact payload of one message")
    String payload(@PathVariable long id) {
        return records.findById(id).map(MessageRecord::getPayload)
                .orElseThrow(() -> new NotFoundException("Message", id));
    }
}
