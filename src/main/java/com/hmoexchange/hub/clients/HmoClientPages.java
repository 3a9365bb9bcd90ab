package com.hmoexchange.hub.clients;

import com.hmoexchange.hub.clients.ClientCredentials.ClientUserView;
import com.hmoexchange.hub.clients.ClientCredentials.Issued;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.Display;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The HMO portal's client menu: its clients, Generate Credentials, and client users (with disable). */
@Controller
@WebPage
@RequestMapping("/hmo")
class HmoClientPages {

    private final Clients clients;
    private final ClientCredentials credentials;
    private final Display show;

    HmoClientPages(Clients clients, ClientCredentials credentials, Display show) {
        this.clients = clients;
        this.credentials = credentials;
        this.show = show;
    }

    @GetMapping("/clients")
    String clients(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("clients", clients.list(user));
        return "hmo/clients";
    }

    @GetMapping("/credentials")
    String credentialsForm(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) Long clientId,
            Model model) {
        return credentialsPage(user, model, clientId, "", FormErrors.none());
    }

    @PostMapping("/credentials")
    String sendCredentials(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) Long clientId,
            @RequestParam(defaultValue = "") String email, Model model, RedirectAttributes flash) {
        FormErrors errors = FormErrors.none();
        if (clientId == null) {
            errors.field("clientId", "Choose the client.");
        }
        Issued issued = errors.attempt(() -> credentials.issue(user, clientId, email));
        if (issued == null) {
            return credentialsPage(user, model, clientId, email, errors);
        }
        flash.addFlashAttribute("notice", "Credentials sent: a sign-in link is on its way to " + issued.user().email()
                + " (valid until " + show.when(issued.linkExpiresAt()) + ")"
                + (issued.earlierLinksRevoked() > 0 ? "; the earlier link no longer works." : "."));
        return "redirect:/hmo/client-users";
    }

    @GetMapping("/client-users")
    String users(@AuthenticationPrincipal HubUser user, Model model) {
        model.addAttribute("users", credentials.list(user, null));
        model.addAttribute("clientNames", names(user));
        return "hmo/client-users";
    }

    @GetMapping("/client-users/{id}/disable")
    String confirmDisable(@AuthenticationPrincipal HubUser user, @PathVariable long id, Model model) {
        model.addAttribute("target", own(user, id));
        model.addAttribute("users", credentials.list(user, null));
        model.addAttribute("clientNames", names(user));
        return "hmo/client-users";
    }

    @PostMapping("/client-users/{id}/disable")
    String disable(@AuthenticationPrincipal HubUser user, @PathVariable long id, RedirectAttributes flash) {
        ClientUserView disabled = credentials.disable(user, id);
        flash.addFlashAttribute("notice", disabled.email() + " is disabled and can no longer sign in.");
        return "redirect:/hmo/client-users";
    }

    private String credentialsPage(HubUser user, Model model, Long clientId, String email, FormErrors errors) {
        model.addAttribute("clients", clients.list(user));
        model.addAttribute("clientId", clientId);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "hmo/credentials";
    }

    private ClientUserView own(HubUser user, long id) {
        return credentials.list(user, null).stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Client user", id));
    }

    private Map<Long, String> names(HubUser user) {
        List<Client> own = clients.list(user);
        return own.stream().collect(Collectors.toMap(Client::getId, Client::getName));
    }

}
