package com.hmoexchange.hub.tokens;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People → API tokens: make a token (shown on the answering page only, never put in the session), list and revoke
 * the practice's or HMO's tokens.
 */
@Controller
@WebPage
class ApiTokenPages {

    private final ApiTokens tokens;

    ApiTokenPages(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/people/api-tokens")
    String list(@AuthenticationPrincipal HubUser user, Model model) {
        return page(user, model, "", List.of(), 90, FormErrors.none());
    }

    @PostMapping("/people/api-tokens")
    String create(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> scopes, @RequestParam(required = false) Integer expiresInDays,
            Model model) {
        FormErrors errors = FormErrors.none();
        ApiTokens.Created created = errors.attempt(() -> tokens.create(user, name, scopes, expiresInDays));
        if (created == null) {
            return page(user, model, name, scopes == null ? List.of() : scopes, expiresInDays, errors);
        }
        model.addAttribute("created", created);
        model.addAttribute("notice", "Token '" + created.details().name() + "' made. Copy it now: it is not shown again.");
        return page(user, model, "", List.of(), 90, errors);
    }

    @PostMapping("/people/api-tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal HubUser user, @PathVariable long id, RedirectAttributes flash) {
        ApiTokens.TokenView revoked = tokens.revoke(user, id);
        flash.addFlashAttribute("notice", "Token '" + revoked.name() + "' is revoked: it is refused from now on.");
        return "redirect:/people/api-tokens";
    }

    private String page(HubUser user, Model model, String name, List<String> scopes, Integer days, FormErrors errors) {
        model.addAttribute("tokens", tokens.list(user));
        model.addAttribute("allowedScopes", ApiTokens.allowed(user.role() != Role.HMO_ADMIN));
        model.addAttribute("name", name);
        model.addAttribute("scopes", scopes);
        model.addAttribute("expiresInDays", days);
        model.addAttribute("errors", errors);
        return "tokens/list";
    }
}
