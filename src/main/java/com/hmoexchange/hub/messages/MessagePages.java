package com.hmoexchange.hub.messages;

import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operators' message search by business key and text, and one message with its exact payload. */
@Controller
@WebPage
@RequestMapping("/operator/messages")
class MessagePages {

    static final int PAGE_SIZE = 50;

    private final MessageSearch search;

    MessagePages(MessageSearch search) {
        this.search = search;
    }

    @GetMapping
    String search(@RequestParam(required = false) String claimNumber, @RequestParam(required = false) String providerReference,
            @RequestParam(required = false) String payerReference, @RequestParam(required = false) String paymentReference,
            @RequestParam(required = false) String enrolleeNumber, @RequestParam(required = false) String payer,
            @RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "0") int page, Model model) {
        MessageSearch.Keys keys = new MessageSearch.Keys(claimNumber, providerReference, payerReference, paymentReference,
                enrolleeNumber, payer, outcome, text);
        FormErrors errors = FormErrors.none();
        MessageSearch.Found found = errors.attempt(() -> search.search(keys, page, PAGE_SIZE));
        model.addAttribute("keys", keys);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("errors", errors);
        model.addAttribute("found", found != null ? found
                : new MessageSearch.Found(List.of(), Math.max(page, 0), PAGE_SIZE, false));
        return "operator/messages";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model) {
        MessageRecord message = search.one(id);
        model.addAttribute("message", message);
        model.addAttribute("pretty", PrettyPayload.of(message.getPayload()));
        return "operator/message";
    }
}
