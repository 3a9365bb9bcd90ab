package com.hmoexchange.hub.messages;

import com.hmoexchange.hub.common.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/messages")
@Tag(name = "Message store", description = "Every message in or out, searchable by business key and by text in payloads")
class MessageController {

    private final MessageSearch search;

    MessageController(MessageSearch search) {
        this.search = search;
    }

    record MessagePage(List<MessageSummary> items, int page, int size, boolean hasMore) {
    }

    @GetMapping
    @Operation(summary = "Search messages by business key and by text inside payloads, newest first",
            description = "Every filter given must match. Keys match exactly; text matches anywhere in the payload, whatever "
                    + "the case (at least 3 characters; % and _ are plain characters). Pages count nothing: hasMore says "
                    + "whether older messages follow. Only the newest 10,000 messages of a search are paged through "
                    + "(a deeper page is refused 422: narrow the search).")
    MessagePage search(@RequestParam(required = false) String claimNumber,
            @RequestParam(required = false) String providerReference, @RequestParam(required = false) String payerReference,
            @Parameter(description = "The payer's payment (remittance) reference of a posted payment")
            @RequestParam(required = false) String paymentReference,
            @Parameter(description = "The member the claim is for") @RequestParam(required = false) String enrolleeNumber,
            @RequestParam(required = false) String payer, @RequestParam(required = false) Outcome outcome,
            @Parameter(description = "Text to find inside payloads (at least 3 characters)") @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Messages per page, at most 200") @RequestParam(defaultValue = "50") int size) {
        MessageSearch.Found found = search.search(new MessageSearch.Keys(claimNumber, providerReference, payerReference,
                paymentReference, enrolleeNumber, payer, outcome, text), page, size);
        return new MessagePage(found.items(), found.page(), found.size(), found.hasMore());
    }

    @GetMapping("/{id}/payload")
    @Transactional(readOnly = true)
    @Operation(summary = "The exact payload of one message, as text/plain (never rendered: payer content could hold markup)")
    ResponseEntity<String> payload(@PathVariable long id) {
        return PlainText.of(search.one(id).getPayload());
    }
}
