package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.claims.ClaimDeliveries;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operators' dead letters: what the broker gave up on, replay (after confirming), and re-send of a claim. */
@Controller
@WebPage
@RequestMapping("/operator")
class DeadLetterPages {

    private final DeadLetters deadLetters;
    private final ClaimDeliveries deliveries;

    DeadLetterPages(DeadLetters deadLetters, ClaimDeliveries deliveries) {
        this.deadLetters = deadLetters;
        this.deliveries = deliveries;
    }

    /** {@code confirm} names what to replay: a claim number, or "all". */
    @GetMapping("/dead-letters")
    String list(@RequestParam(required = false) String confirm, Model model) {
        return page(confirm, FormErrors.none(), model);
    }

    @PostMapping("/dead-letters/replay")
    String replay(@RequestParam(required = false) String claimNumber, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        String which = claimNumber == null || claimNumber.isBlank() ? null : claimNumber.trim();
        Integer moved = errors.attempt(() -> deadLetters.replay(which));
        if (moved == null) {
            return page(null, errors, model);
        }
        flash.addFlashAttribute("notice", moved + " message(s) put back on the outbound queue"
                + (which == null ? "." : " for " + which + "."));
        return "redirect:/operator/dead-letters";
    }

    @PostMapping("/claims/resend")
    String resend(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "") String claimNumber, Model model,
            RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        if (claimNumber.isBlank()) {
            errors.field("claimNumber", "Give the claim number, such as CLM-00000042.");
        }
        Boolean queued = errors.attempt(() -> {
            deliveries.requestResend(claimNumber.trim(), user.username());
            return true;
        });
        if (queued == null) {
            model.addAttribute("claimNumber", claimNumber);
            return page(null, errors, model);
        }
        flash.addFlashAttribute("notice", claimNumber.trim() + " is queued to be sent again (same idempotency key).");
        return "redirect:/operator/dead-letters";
    }

    private String page(String confirm, FormErrors errors, Model model) {
        model.addAttribute("letters", deadLetters.list());
        model.addAttribute("confirm", confirm);
        model.addAttribute("errors", errors);
        return "operator/dead-letters";
    }
}
