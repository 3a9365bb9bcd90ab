package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operators' quarantined payer files: the list, one file's report and content, dismiss (after confirming). */
@Controller
@WebPage
@RequestMapping("/operator/quarantine")
class QuarantinePages {

    private final Quarantine quarantine;

    QuarantinePages(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("documents", quarantine.open(200));
        model.addAttribute("errors", FormErrors.none());
        return "operator/quarantine";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, @RequestParam(required = false) String confirm, Model model) {
        model.addAttribute("document", quarantine.document(id));
        model.addAttribute("confirm", "dismiss".equals(confirm));
        model.addAttribute("errors", FormErrors.none());
        return "operator/quarantined";
    }

    @PostMapping("/{id}/dismiss")
    String dismiss(@AuthenticationPrincipal HubUser user, @PathVariable long id, RedirectAttributes flash) {
        InboundDocument dismissed = quarantine.dismiss(user, id);
        flash.addFlashAttribute("notice", dismissed.getName() + " dismissed: it is off the quarantine list.");
        return "redirect:/operator/quarantine";
    }
}
