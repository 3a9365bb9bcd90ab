package com.hmoexchange.hub.web;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.SignInThrottle;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Sign-in, and where each role lands after it. */
@Controller
@WebPage
class HomePages {

    private final SignInThrottle throttle;

    HomePages(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    /** The notices come from the address: sign-out, a password just set, a failed attempt. */
    @GetMapping("/sign-in")
    String signIn(@RequestParam Map<String, String> params, Model model) {
        model.addAttribute("signedOut", params.containsKey("signed-out"));
        model.addAttribute("passwordSet", params.containsKey("password-set"));
        model.addAttribute("failed", params.containsKey("error"));
        model.addAttribute("disabled", params.containsKey("disabled"));
        model.addAttribute("lockedUntil", lockedUntil(params.get("locked")));
        model.addAttribute("roleChanged", params.containsKey("role-changed"));
        model.addAttribute("username", params.getOrDefault("user", ""));
        return "sign-in";
    }

    /** "Too many attempts": the time to try again, from the address (seconds since 1970), as SignInThrottle shows it. */
    private String lockedUntil(String epochSeconds) {
        if (epochSeconds == null || !epochSeconds.matches("\\d{1,12}")) {
            return null;
        }
        return throttle.tryAgainAfter(Instant.ofEpochSecond(Long.parseLong(epochSeconds)));
    }

    /** The landing page per role: the HMO's requests, the client's dashboard, the practice's claims, a home for everyone else. */
    @GetMapping("/")
    String landing(@AuthenticationPrincipal HubUser user) {
        return switch (user.role()) {
            case HMO_ADMIN -> "redirect:/hmo/requests";
            case CLIENT_USER -> "redirect:/client";
            case OPERATOR -> "redirect:/operator/messages";
            case PLATFORM_ADMIN -> "redirect:/admin";
            case OWNER, ADMIN, BILLING_STAFF -> "redirect:/billing/claims";
            default -> "redirect:/home";
        };
    }

    @GetMapping("/home")
    String home(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("user", user);
        return "home";
    }

    /** Any other address in the portals' areas: a Not found page rather than the API's problem body. */
    @GetMapping({"/client/**", "/hmo/**", "/operator/**", "/billing/**"})
    String unknown() {
        throw new NotFoundException("Page", "(this address)");
    }

    /** Where a refused request is forwarded, whatever its method (a form posted without its CSRF token). */
    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(Model model) {
        model.addAttribute("title", "Not allowed");
        model.addAttribute("detail", "Your role does not open this page. Go back to your start page.");
        return "problem";
    }
}
