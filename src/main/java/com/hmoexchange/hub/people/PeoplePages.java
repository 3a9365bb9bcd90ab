package com.hmoexchange.hub.people;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.web.Display;
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

/** The pages of People: colleagues to invite and manage, your own account, a forgotten password. */
@Controller
@WebPage
class PeoplePages {

    private final People people;
    private final Display show;

    PeoplePages(People people, Display show) {
        this.people = people;
        this.show = show;
    }

    @GetMapping("/people")
    String list(@AuthenticationPrincipal HubUser user, Model model) {
        return page(user, model, "", null, FormErrors.none());
    }

    @PostMapping("/people/invitations")
    String invite(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "") String email,
            @RequestParam(required = false) Role role, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        People.Invited invited = errors.attempt(() -> people.invite(user, email, role));
        if (invited == null) {
            return page(user, model, email, role, errors);
        }
        flash.addFlashAttribute("notice", "Invitation sent to " + invited.user().username() + " (" + invited.user().role().label()
                + "); the link works until " + show.when(invited.linkExpiresAt()) + ".");
        return "redirect:/people";
    }

    @PostMapping("/people/{id}/disable")
    String disable(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        People.UserView done = errors.attempt(() -> people.disable(user, id));
        if (done == null) {
            return page(user, model, "", null, errors);
        }
        flash.addFlashAttribute("notice", done.username() + " is disabled: signed out everywhere, and cannot sign in.");
        return "redirect:/people";
    }

    @PostMapping("/people/{id}/enable")
    String enable(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        People.UserView done = errors.attempt(() -> people.enable(user, id));
        if (done == null) {
            return page(user, model, "", null, errors);
        }
        flash.addFlashAttribute("notice", done.username() + " is enabled again.");
        return "redirect:/people";
    }

    @PostMapping("/people/{id}/role")
    String changeRole(@AuthenticationPrincipal HubUser user, @PathVariable long id, @RequestParam(required = false) Role role,
            Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        People.UserView done = errors.attempt(() -> people.changeRole(user, id, role));
        if (done == null) {
            return page(user, model, "", null, errors);
        }
        flash.addFlashAttribute("notice", done.username() + " is now " + done.role() + " (from their next click).");
        return "redirect:/people";
    }

    @PostMapping("/people/{id}/two-factor/reset")
    String resetTwoFactor(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        People.UserView done = errors.attempt(() -> people.resetTwoFactor(user, id));
        if (done == null) {
            return page(user, model, "", null, errors);
        }
        flash.addFlashAttribute("notice", "Two-factor sign-in of " + done.username() + " is reset: they were signed out, "
                + "were emailed, and set it up again at their next sign-in.");
        return "redirect:/people";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("me", people.me(user));
        model.addAttribute("errors", FormErrors.none());
        return "people/account";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirm,
            Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        if (!newPassword.equals(confirm)) {
            errors.field("confirm", "The two new passwords are not the same.");
        }
        Boolean changed = errors.attempt(() -> {
            people.changePassword(user, currentPassword, newPassword);
            return true;
        });
        if (changed == null) {
            model.addAttribute("me", people.me(user));
            model.addAttribute("errors", errors);
            return "people/account";
        }
        flash.addFlashAttribute("notice", "Password changed. Use the new one from now on.");
        return "redirect:/account";
    }

    @GetMapping("/forgot-password")
    String forgotPassword(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "people/forgot-password";
    }

    @PostMapping("/forgot-password")
    String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
        people.requestReset(email);
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("notice", "If " + email.trim() + " belongs to a user of the hub, a link to choose a new "
                + "password is on its way. It works once.");
        return "people/forgot-password";
    }

    private String page(HubUser user, Model model, String email, Role role, FormErrors errors) {
        List<People.UserView> users = people.list(user);
        model.addAttribute("users", users);
        model.addAttribute("withTwoFactor", people.withTwoFactor(users));
        model.addAttribute("mayResetTwoFactor", user.role() == Role.PLATFORM_ADMIN || user.role() == Role.OWNER
                || user.role() == Role.HMO_ADMIN);
        model.addAttribute("roles", people.rolesGrantedBy(user));
        model.addAttribute("email", email);
        model.addAttribute("role", role);
        model.addAttribute("myId", user.id());
        model.addAttribute("errors", errors);
        return "people/list";
    }
}
