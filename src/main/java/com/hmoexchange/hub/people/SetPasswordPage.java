package com.hmoexchange.hub.people;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the emailed sign-in link lands. The token is moved from the address into the session at
 * once (a redirect), so it does not stay in the browser's history or reach another site as a
 * referrer; the page then asks for the new password twice.
 */
@Controller
@WebPage
class SetPasswordPage {

    static final String TOKEN = "sign-in-link-token";

    private final SignInLinks credentials;

    SetPasswordPage(SignInLinks credentials) {
        this.credentials = credentials;
    }

    @GetMapping(path = "/set-password", params = "token")
    String fromLink(@RequestParam String token, HttpSession session) {
        session.setAttribute(TOKEN, token);
        return "redirect:/set-password";
    }

    @GetMapping("/set-password")
    String form(HttpSession session, Model model) {
        return show(session, model, FormErrors.none());
    }

    @PostMapping("/set-password")
    String set(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm,
            HttpSession session, Model model) {
        String token = (String) session.getAttribute(TOKEN);
        FormErrors errors = FormErrors.none();
        if (!password.equals(confirm)) {
            errors.field("confirm", "The two passwords are not the same.");
        }
        String username = token == null ? null : errors.attempt(() -> credentials.setPassword(token, password));
        if (username == null) {
            return show(session, model, errors);
        }
        session.removeAttribute(TOKEN);
        return "redirect:/sign-in?password-set&user=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    }

    /** The form, when the link in the session can still be used; otherwise why not. */
    private String show(HttpSession session, Model model, FormErrors errors) {
        String token = (String) session.getAttribute(TOKEN);
        if (token == null) {
            errors.page("Open the sign-in link from the email you were sent (an invitation or a password reset); it brings you here.");
        } else {
            try {
                model.addAttribute("username", credentials.checkLink(token));
            } catch (NotFoundException e) {
                errors.page("This sign-in link is not valid. Check that you opened the whole link, or ask for a new one.");
            } catch (RuleViolation e) {
                errors.page(e.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        return "set-password";
    }
}
