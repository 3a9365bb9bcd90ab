package com.hmoexchange.hub.people;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the emailed sign-in link lands. The token is moved from the address into a cookie at once (a
 * redirect), so it does not stay in the browser's history or reach another site as a referrer; the page then
 * asks for the new password twice. The cookie, not the web session: sessions are kept in the database, and the
 * hub keeps no usable link anywhere (docs/security.md). The cookie is sent only to this page, never read by
 * scripts, and cleared once the password is set.
 */
@Controller
@WebPage
class SetPasswordPage {

    static final String TOKEN = "hub-sign-in-link";

    private final SignInLinks credentials;

    SetPasswordPage(SignInLinks credentials) {
        this.credentials = credentials;
    }

    @GetMapping(path = "/set-password", params = "token")
    String fromLink(@RequestParam String token, HttpServletRequest request, HttpServletResponse response) {
        // A token is Base64url (SignInTokens); anything else is not a link of ours and could not be a cookie.
        boolean wellFormed = token.matches("[A-Za-z0-9_-]{1,200}");
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(wellFormed ? token : "-", request, -1).toString());
        return "redirect:/set-password";
    }

    @GetMapping("/set-password")
    String form(@CookieValue(name = TOKEN, required = false) String token, Model model) {
        return show(token, model, FormErrors.none());
    }

    @PostMapping("/set-password")
    String set(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm,
            @CookieValue(name = TOKEN, required = false) String token, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        FormErrors errors = FormErrors.none();
        if (!password.equals(confirm)) {
            errors.field("confirm", "The two passwords are not the same.");
        }
        String username = token == null ? null : errors.attempt(() -> credentials.setPassword(token, password));
        if (username == null) {
            return show(token, model, errors);
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", request, 0).toString());
        return "redirect:/sign-in?password-set&user=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    }

    /** The form, when the link in the session can still be used; otherwise why not. */
    private String show(String token, Model model, FormErrors errors) {
        if (token == null || token.isEmpty()) {
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

    /** The link's token for this page only: HttpOnly, Lax (the link is opened from a mail), Secure over https. */
    private static ResponseCookie cookie(String token, HttpServletRequest request, long maxAgeSeconds) {
        return ResponseCookie.from(TOKEN, token).path("/set-password").httpOnly(true).sameSite("Lax")
                .secure(request.isSecure()).maxAge(maxAgeSeconds).build();
    }
}
