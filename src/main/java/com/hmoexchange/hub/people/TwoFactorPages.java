package com.hmoexchange.hub.people;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.SecondFactorPending;
import com.hmoexchange.hub.security.SecondFactorSignIn;
import com.hmoexchange.hub.security.TwoFactor;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-factor sign-in in the pages: the code asked after the password, and the account's page to turn it on
 * (scan a QR code, type a code, keep the recovery codes shown once) or off. A user whose role requires it comes
 * here straight from the password, before anything else.
 */
@Controller
@WebPage
class TwoFactorPages {

    private final TwoFactor twoFactor;
    private final SecondFactorSignIn signIn;

    TwoFactorPages(TwoFactor twoFactor, SecondFactorSignIn signIn) {
        this.twoFactor = twoFactor;
        this.signIn = signIn;
    }

    @GetMapping("/sign-in/code")
    String codeForm(Model model) {
        if (signIn.pending().filter(p -> p.stage() == SecondFactorPending.Stage.CODE).isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("errors", FormErrors.none());
        return "people/sign-in-code";
    }

    @PostMapping("/sign-in/code")
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) throws IOException {
        if (signIn.pending().filter(p -> p.stage() == SecondFactorPending.Stage.CODE).isEmpty()) {
            return "redirect:/sign-in";
        }
        SecondFactorSignIn.Outcome outcome = signIn.checkCode(request, response, code);
        if (outcome instanceof SecondFactorSignIn.Outcome.SignedIn) {
            signIn.land(request, response);
            return null;
        }
        if (outcome instanceof SecondFactorSignIn.Outcome.LockedOut locked) {
            return "redirect:/sign-in?locked=" + locked.until().getEpochSecond();
        }
        model.addAttribute("errors", FormErrors.none().field("code",
                "That code does not match. Type the six digits your app shows now, or one of your recovery codes."));
        return "people/sign-in-code";
    }

    @GetMapping("/account/two-factor")
    String page(Model model) {
        return show(user(), model, FormErrors.none());
    }

    /** The QR code of the enrolment under way, never of a confirmed secret; not cached anywhere. */
    @GetMapping("/account/two-factor/qr.png")
    ResponseEntity<byte[]> qrCode() {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(twoFactor.enrolmentQrCode(user()));
    }

    @PostMapping("/account/two-factor/confirm")
    String confirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        HubUser user = user();
        FormErrors errors = FormErrors.none();
        List<String> codes = errors.attempt(() -> twoFactor.confirm(user, code));
        if (codes == null) {
            return show(user, model, errors);
        }
        signIn.enrolled(request, response);
        // Shown in this response only: not in a redirect's flash, which would sit in the session.
        model.addAttribute("codes", codes);
        return "people/recovery-codes";
    }

    @PostMapping("/account/two-factor/recovery-codes")
    String newRecoveryCodes(Model model) {
        HubUser user = user();
        if (!twoFactor.isOn(user.id())) {
            return "redirect:/account/two-factor";
        }
        model.addAttribute("codes", twoFactor.newRecoveryCodes(user.id()));
        return "people/recovery-codes";
    }

    @PostMapping("/account/two-factor/off")
    String turnOff(@RequestParam(defaultValue = "") String code, Model model, RedirectAttributes flash) {
        HubUser user = user();
        FormErrors errors = FormErrors.none();
        Boolean off = errors.attempt(() -> {
            twoFactor.turnOff(user, code);
            return true;
        });
        if (off == null) {
            return show(user, model, errors);
        }
        flash.addFlashAttribute("notice", "Two-factor sign-in is off. You sign in with your password alone.");
        return "redirect:/account/two-factor";
    }

    private String show(HubUser user, Model model, FormErrors errors) {
        boolean on = twoFactor.isOn(user.id());
        model.addAttribute("on", on);
        model.addAttribute("required", twoFactor.isRequired(user.role()));
        model.addAttribute("enrolling", signIn.pending().isPresent());
        if (on) {
            model.addAttribute("codesLeft", twoFactor.recoveryCodesLeft(user.id()));
        } else {
            model.addAttribute("enrolment", twoFactor.enrolment(user));
        }
        model.addAttribute("errors", errors);
        return "people/two-factor";
    }

    /** The signed-in user, or the one half-way through signing in (who may reach only this page). */
    private static HubUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return Optional.ofNullable(auth).map(Authentication::getPrincipal).filter(HubUser.class::isInstance)
                .map(HubUser.class::cast).orElseThrow();
    }
}
