package com.hmoexchange.hub.organisations;

import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.web.Display;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform administrator's page: HMOs, practices, contracts, and the invitations of their first administrators. */
@Controller
@WebPage
@RequestMapping("/admin")
class AdminPages {

    /** Practices listed at once; more are found by name or code (a hub may serve hundreds). */
    static final int PRACTICES_SHOWN = 50;

    private final Organisations organisations;
    private final Contracts contracts;

    AdminPages(Organisations organisations, Contracts contracts) {
        this.organisations = organisations;
        this.contracts = contracts;
    }

    @GetMapping
    String overview(@RequestParam(defaultValue = "") String practice, Model model) {
        return page(model, FormErrors.none(), practice);
    }

    @PostMapping("/hmos")
    String addHmo(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> payerCodes,
            Model model, RedirectAttributes flash) {
        FormErrors errors = required(FormErrors.none(), Map.of("hmoCode", code, "hmoName", name));
        return done(errors, () -> organisations.addHmo(code.trim(), name.trim(), payerCodes, user.getUsername()),
                hmo -> "HMO " + hmo.getName() + " recorded.", hmo -> "", model, flash);
    }

    @PostMapping("/hmos/{id}/invitations")
    String inviteHmoAdmin(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String email, Model model, RedirectAttributes flash) {
        return done(FormErrors.none(), () -> organisations.inviteHmoAdmin(id, email, user.getUsername()),
                invited -> "Invitation sent to " + invited.user().username() + " (" + Role.HMO_ADMIN.label() + ").",
                invited -> "", model, flash);
    }

    @PostMapping("/practices")
    String addPractice(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "false") boolean hmoModule, Model model, RedirectAttributes flash) {
        FormErrors errors = required(FormErrors.none(), Map.of("practiceCode", code, "practiceName", name));
        return done(errors, () -> organisations.addPractice(code.trim(), name.trim(), hmoModule),
                practice -> "Practice " + practice.getName() + " recorded. Record its contracts and invite its owner.",
                Provider::getCode, model, flash);
    }

    @PostMapping("/practices/{id}/hmo-module")
    String switchHmoModule(@PathVariable long id, @RequestParam boolean enabled, Model model, RedirectAttributes flash) {
        return done(FormErrors.none(), () -> organisations.switchHmoModule(id, enabled),
                practice -> "HMO module " + (practice.isHmoModule() ? "on" : "off") + " for " + practice.getName() + ".",
                Provider::getCode, model, flash);
    }

    @PostMapping("/practices/{id}/invitations")
    String inviteOwner(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String email, Model model, RedirectAttributes flash) {
        return done(FormErrors.none(), () -> organisations.inviteOwner(id, email, user.getUsername()),
                invited -> "Invitation sent to " + invited.user().username() + " (" + Role.OWNER.label() + ").",
                invited -> organisations.practice(id).getCode(), model, flash);
    }

    @PostMapping("/contracts")
    String sign(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) Long practiceId,
            @RequestParam(required = false) Long payerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        if (practiceId == null) {
            errors.field("practiceId", "Choose the practice.");
        }
        if (payerId == null) {
            errors.field("payerId", "Choose the payer.");
        }
        return done(errors, () -> contracts.sign(practiceId, payerId, startsOn, endsOn, user.getUsername()),
                contract -> "Contract recorded from " + Display.dayOf(contract.getStartsOn()) + ".", this::practiceCode,
                model, flash);
    }

    @PostMapping("/contracts/{id}/end")
    String end(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            Model model, RedirectAttributes flash) {
        return done(FormErrors.none(), () -> contracts.endAfter(id, endsOn),
                contract -> contract.getEndsOn() == null ? "The contract is open-ended again."
                        : "The contract ends after " + Display.dayOf(contract.getEndsOn()) + ".", this::practiceCode,
                model, flash);
    }

    /** After an action, the page again, found at the practice it concerned (the code {@code shown} gives; "" for none). */
    private <T> String done(FormErrors errors, Supplier<T> action, Function<T, String> notice, Function<T, String> shown,
            Model model, RedirectAttributes flash) {
        T result = errors.attempt(action);
        if (result == null) {
            return page(model, errors, "");
        }
        flash.addFlashAttribute("notice", notice.apply(result));
        String practice = shown.apply(result);
        if (!practice.isEmpty()) {
            flash.addAttribute("practice", practice);
        }
        return "redirect:/admin";
    }

    private String practiceCode(Contract contract) {
        return organisations.practice(contract.getProviderId()).getCode();
    }

    private static FormErrors required(FormErrors errors, Map<String, String> fields) {
        fields.forEach((field, value) -> {
            if (value.isBlank()) {
                errors.field(field, "Fill this in.");
            }
        });
        return errors;
    }

    private String page(Model model, FormErrors errors, String query) {
        List<Provider> practices = organisations.practices();
        String wanted = query.trim().toLowerCase(Locale.ROOT);
        List<Provider> matching = practices.stream().filter(p -> wanted.isEmpty()
                || p.getName().toLowerCase(Locale.ROOT).contains(wanted)
                || p.getCode().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        List<Provider> shown = matching.stream().limit(PRACTICES_SHOWN).toList();
        Set<Long> shownIds = shown.stream().map(Provider::getId).collect(Collectors.toSet());
        List<Payer> payers = organisations.payers();
        model.addAttribute("hmos", organisations.hmos());
        model.addAttribute("payersOfHmo", organisations.hmos().stream().collect(Collectors.toMap(Hmo::getId,
                hmo -> organisations.payersOf(hmo.getId()).stream().map(Payer::getCode).collect(Collectors.joining(", ")))));
        model.addAttribute("practices", practices);
        model.addAttribute("practicesShown", shown);
        model.addAttribute("practicesMatching", matching.size());
        model.addAttribute("query", query.trim());
        model.addAttribute("payers", payers);
        model.addAttribute("practiceNames", practices.stream().collect(Collectors.toMap(Provider::getId, Provider::getName)));
        model.addAttribute("payerNames", payers.stream().collect(Collectors.toMap(Payer::getId, Payer::getName)));
        model.addAttribute("contracts", shownIds.isEmpty() ? List.of() : contracts.ofPractices(shownIds));
        model.addAttribute("today", contracts.today());
        model.addAttribute("errors", errors);
        return "admin/organisations";
    }
}
