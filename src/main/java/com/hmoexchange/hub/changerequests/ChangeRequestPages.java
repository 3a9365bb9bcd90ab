package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.enrollees.BenefitPlanRepository;
import com.hmoexchange.hub.changerequests.RequestViews.EnrolleeRow;
import com.hmoexchange.hub.changerequests.RequestViews.PrincipalView;
import com.hmoexchange.hub.changerequests.RequestViews.RequestView;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client portal's change forms: add or remove a dependent, edit details, change the primary
 * provider, register a principal. Each becomes a PENDING request through {@link ClientPortal}, with
 * the same checks as the API; a refusal shows next to the field it concerns, and the form keeps
 * what was typed.
 */
@Controller
@WebPage
@RequestMapping("/client")
class ChangeRequestPages {

    private final ClientPortal portal;
    private final ChangeForm forms;
    private final ProviderRepository providers;
    private final BenefitPlanRepository plans;

    ChangeRequestPages(ClientPortal portal, ChangeForm forms, ProviderRepository providers, BenefitPlanRepository plans) {
        this.portal = portal;
        this.forms = forms;
        this.providers = providers;
        this.plans = plans;
    }

    @GetMapping("/enrollees/{id}/add-dependent")
    String addDependentForm(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model) {
        return page(user, id, ChangeKind.ADD_DEPENDENT, Map.of(), FormErrors.none(), model);
    }

    @GetMapping("/enrollees/{id}/remove")
    String removeForm(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model) {
        return page(user, id, ChangeKind.REMOVE_DEPENDENT, Map.of(), FormErrors.none(), model);
    }

    @GetMapping("/enrollees/{id}/edit")
    String editForm(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model) {
        EnrolleeRow e = subject(portal.principal(user, id), id);
        Map<String, String> now = new HashMap<>();
        now.put("firstName", e.firstName());
        now.put("lastName", e.lastName());
        now.put("dateOfBirth", String.valueOf(e.dateOfBirth()));
        return page(user, id, ChangeKind.EDIT_DETAILS, now, FormErrors.none(), model);
    }

    @GetMapping("/enrollees/{id}/provider")
    String providerForm(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model) {
        EnrolleeRow e = subject(portal.principal(user, id), id);
        Map<String, String> now = new HashMap<>();
        now.put("primaryProvider", e.primaryProvider());
        return page(user, id, ChangeKind.CHANGE_PRIMARY_PROVIDER, now, FormErrors.none(), model);
    }

    @PostMapping("/enrollees/{id}/{action:add-dependent|remove|edit|provider}")
    String ask(@AuthenticationPrincipal HubUser user, @PathVariable long id, @PathVariable String action,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        ChangeKind kind = switch (action) {
            case "add-dependent" -> ChangeKind.ADD_DEPENDENT;
            case "remove" -> ChangeKind.REMOVE_DEPENDENT;
            case "edit" -> ChangeKind.EDIT_DETAILS;
            default -> ChangeKind.CHANGE_PRIMARY_PROVIDER;
        };
        PrincipalView family = portal.principal(user, id);
        // A dependent is added under the principal, whichever family member the page was opened from.
        String number = (kind == ChangeKind.ADD_DEPENDENT ? family.principal() : subject(family, id)).enrolleeNumber();
        FormErrors errors = FormErrors.none();
        RequestedChange change = forms.read(kind, number, form, errors);
        RequestView made = errors.attempt(() -> portal.request(user, change));
        if (made == null) {
            return page(user, id, kind, form, errors, model);
        }
        flash.addFlashAttribute("notice", "Request " + made.id() + " (" + made.kind().label() + ") sent to your HMO. "
                + "It shows under My requests until they decide.");
        return "redirect:/client/enrollees/" + family.principal().id();
    }

    @GetMapping("/register")
    String registerForm(@AuthenticationPrincipal HubUser user, Model model) {
        return registerPage(user, Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/register")
    String register(@AuthenticationPrincipal HubUser user, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        RequestedChange change = forms.read(ChangeKind.REGISTER_PRINCIPAL, null, form, errors);
        RequestView made = errors.attempt(() -> portal.request(user, change));
        if (made == null) {
            return registerPage(user, form, errors, model);
        }
        flash.addFlashAttribute("notice", "Request " + made.id() + " to register " + change.firstName() + " "
                + change.lastName() + " sent to your HMO.");
        return "redirect:/client/requests";
    }

    private String page(HubUser user, long id, ChangeKind kind, Map<String, String> form, FormErrors errors, Model model) {
        PrincipalView family = portal.principal(user, id);
        EnrolleeRow subject = subject(family, id);
        model.addAttribute("family", family);
        model.addAttribute("subject", subject);
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("providers", providers.findAll(Sort.by("name")));
        return "client/change";
    }

    private String registerPage(HubUser user, Map<String, String> form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("providers", providers.findAll(Sort.by("name")));
        model.addAttribute("plans", plans.findByPayerIdOrderByCode(user.payerId()));
        return "client/register";
    }

    /** The enrollee the page is about: the principal or one of their dependents (already scoped). */
    private static EnrolleeRow subject(PrincipalView family, long id) {
        return Stream.concat(Stream.of(family.principal()), family.dependents().stream())
                .filter(e -> e.id() == id).findFirst().orElse(family.principal());
    }
}
