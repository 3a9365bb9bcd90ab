package com.hmoexchange.hub.mailintake;

import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operators' held mails: the list, one mail with why it was held and its content, accept or reject (after confirming). */
@Controller
@WebPage
@RequestMapping("/operator/held-mails")
class HeldMailPages {

    private final MailIntake intake;

    HeldMailPages(MailIntake intake) {
        this.intake = intake;
    }

    @GetMapping
    String list(@RequestParam(required = false) HeldMail.Status status, Model model) {
        HeldMail.Status shown = status == null ? HeldMail.Status.HELD : status;
        model.addAttribute("mails", intake.list(shown, 200));
        model.addAttribute("status", shown);
        model.addAttribute("statuses", HeldMail.Status.values());
        return "operator/held-mails";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, @RequestParam(required = false) String confirm, Model model) {
        return page(id, "accept".equals(confirm) || "reject".equals(confirm) ? confirm : null, FormErrors.none(), model);
    }

    private String page(long id, String confirm, FormErrors errors, Model model) {
        model.addAttribute("mail", intake.one(id));
        model.addAttribute("confirm", confirm);
        model.addAttribute("errors", errors);
        model.addAttribute("content", intake.content(id).map(raw -> new String(raw, StandardCharsets.UTF_8)).orElse(null));
        return "operator/held-mail";
    }

    @PostMapping("/{id}/accept")
    String accept(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model, RedirectAttributes flash) {
        try {
            HeldMail accepted = intake.accept(user, id);
            flash.addFlashAttribute("notice", "Held mail " + id + " accepted and applied: " + accepted.getDecisionNote());
        } catch (RuleViolation refused) {
            return page(id, null, FormErrors.none().page(refused.getMessage()), model);
        }
        return "redirect:/operator/held-mails/" + id;
    }

    @PostMapping("/{id}/reject")
    String reject(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes flash) {
        try {
            intake.reject(user, id, reason);
            flash.addFlashAttribute("notice", "Held mail " + id + " rejected: nothing of it was applied.");
        } catch (RuleViolation refused) {
            return page(id, null, FormErrors.none().page(refused.getMessage()), model);
        }
        return "redirect:/operator/held-mails/" + id;
    }
}
