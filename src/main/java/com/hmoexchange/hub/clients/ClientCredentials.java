package com.hmoexchange.hub.clients;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.people.LinkPurpose;
import com.hmoexchange.hub.people.SignInLinks;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.common.PublicAddress;
import com.hmoexchange.hub.mail.Email;
import com.hmoexchange.hub.mail.Mailer;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.web.Display;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials for a client's users: the HMO sends a sign-in link, the user sets a password with it.
 * No password ever travels by email; the HMO gets a copy of the notice without the link.
 */
@Service
public class ClientCredentials {

    /** One @, no spaces, a dot in the domain: the address becomes the user name and gets the link. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Clients clients;
    private final AppUserRepository users;
    private final SignInLinks links;
    private final Mailer mailer;
    private final Duration linkValidity;
    private final PublicAddress hub;

    private final AuditLog audit;
    private final Display show;

    ClientCredentials(Clients clients, AppUserRepository users, SignInLinks links, Mailer mailer,
            ClientSettings settings, PublicAddress hub, AuditLog audit, Display show) {
        this.audit = audit;
        this.show = show;
        this.clients = clients;
        this.users = users;
        this.links = links;
        this.mailer = mailer;
        this.linkValidity = settings.signInLinkValidity();
        this.hub = hub;
    }

    record ClientUserView(long id, String email, long clientId, boolean enabled, Instant createdAt) {
        static ClientUserView of(AppUser user) {
            return new ClientUserView(user.getId(), user.getUsername(), user.getClientId(), user.isEnabled(), user.getCreatedAt());
        }
    }

    record Issued(ClientUserView user, String client, Instant linkExpiresAt, int earlierLinksRevoked) {
    }

    /** Creates the client user if new, revokes any earlier link, and emails a fresh one. */
    @Transactional
    Issued issue(HubUser hmo, long clientId, String rawEmail) {
        Client client = clients.ofHmo(hmo, clientId);
        String email = normalised(rawEmail);
        AppUser user = clientUser(client, email);
        SignInLinks.Issued link = links.issue(user, LinkPurpose.INVITATION, linkValidity);
        mailer.sendAfterCommit(new Email(email, "Your sign-in link for " + client.getName() + " on HMO Exchange Hub",
                clientNotice(client, email, hub.link("/set-password?token=" + link.token()), link.expiresAt()),
                link.expiresAt()));
        mailer.sendAfterCommit(new Email(client.getHmoEmail(), "Copy: sign-in link sent to " + email,
                clientNotice(client, email, "(link withheld from this copy)", link.expiresAt())
                        + "\nSent by " + hmo.username() + ". Sending again replaces the link.\n"));
        audit.record(AuditAction.CLIENT_CREDENTIALS_ISSUED, "user", user.getId(), "client " + client.getCode());
        return new Issued(ClientUserView.of(user), client.getCode(), link.expiresAt(), link.earlierLinksRevoked());
    }

    /**
     * For the demo only: the client user as {@link #issue} makes it, with the link used at once with the given
     * password (same rules), so the client portal opens from the banner. No email: nobody is there to open it.
     */
    @Transactional
    public void seedWithPassword(HubUser hmo, long clientId, String rawEmail, String password) {
        AppUser user = clientUser(clients.ofHmo(hmo, clientId), normalised(rawEmail));
        links.setPassword(links.issue(user, LinkPurpose.INVITATION, linkValidity).token(), password);
    }

    private static String normalised(String rawEmail) {
        String email = rawEmail == null ? "" : rawEmail.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 100 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInput("email", "Enter the user's email address, like name@company.example.");
        }
        return email;
    }

    /** The client's user of that address, made if new; refused when the address signs in for someone else. */
    private AppUser clientUser(Client client, String email) {
        AppUser user = users.findByUsername(email).orElse(null);
        if (user == null) {
            return users.save(AppUser.ofClient(email, links.unusablePasswordHash(), client.getPayerId(), client.getId()));
        }
        if (user.getRole() != Role.CLIENT_USER || !Long.valueOf(client.getId()).equals(user.getClientId())) {
            throw new RuleViolation("username-taken", "The email " + email
                    + " already signs in to the hub for someone else. Use another address for this client's user.");
        }
        return user;
    }

    @Transactional(readOnly = true)
    List<ClientUserView> list(HubUser hmo, Long clientId) {
        return users.findByPayerIdAndRoleOrderByUsername(hmo.requireHmoPayerId(), Role.CLIENT_USER).stream()
                .filter(u -> clientId == null || clientId.equals(u.getClientId()))
                .map(ClientUserView::of).toList();
    }

    /** Stops the user signing in and voids any link not yet used; a new link re-enables them. */
    @Transactional
    ClientUserView disable(HubUser hmo, long userId) {
        AppUser user = users.findById(userId)
                .filter(u -> u.getRole() == Role.CLIENT_USER && Long.valueOf(hmo.requireHmoPayerId()).equals(u.getPayerId()))
                .orElseThrow(() -> new NotFoundException("Client user", userId));
        user.disable();
        links.revokeOpen(userId);
        audit.record(AuditAction.USER_DISABLED, "user", userId, "client user");
        return ClientUserView.of(user);
    }

    private String clientNotice(Client client, String email, String link, Instant expiresAt) {
        return """
                Hello,

                Your HMO has given you access to the HMO Exchange Hub client portal for %s.
                Your user name is %s. Open this link to choose your password:

                %s

                The link works once and expires on %s. If it has expired, ask your HMO to send a new one.
                """.formatted(client.getName(), email, link, show.when(expiresAt));
    }
}
