package com.hmoexchange.hub.messages;

import com.hmoexchange.hub.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operators' message search by business key, and one message with its exact payload. */
@Controller
@WebPage
@RequestMapping("/operator/messages")
class MessagePages {

    private final MessageSearch search;

    MessagePages(MessageSearch search) {
        this.search = search;
    }

    @GetMapping
    String search(@RequestParam(required = false) String claimNumber, @RequestParam(required = false) String providerReference,
            @RequestParam(required = false) String payerReference, @RequestParam(required = false) String payer,
            @RequestParam(required = false) Outcome outcome, @RequestParam(defaultValue = "0") int page, Model model) {
        MessageSearch.Keys keys = new MessageSearch.Keys(trim(claimNumber), trim(providerReference), trim(payerReference),
                trim(payer), outcome);
        model.addAttribute("keys", keys);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("found", search.search(keys, page, 50));
        return "operator/messages";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("message", search.one(id));
        return "operator/message";
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
