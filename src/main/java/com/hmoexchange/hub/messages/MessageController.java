package com.hmoexchange.hub.messages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
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

    private final MessageSearch search;

    MessageController(MessageSearch search) {
        this.search = search;
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
        Page<MessageRecord> found = search.search(
                new MessageSearch.Keys(claimNumber, providerReference, payerReference, payer, outcome), page, size);
        return new MessagePage(found.map(MessageRow::of).getContent(), page, size, found.getTotalElements());
    }

    @GetMapping("/{id}/payload")
    @Transactional(readOnly = true)
    @Operation(summary = "The exact payload of one message")
    String payload(@PathVariable long id) {
        return search.one(id).getPayload();
    }
}
