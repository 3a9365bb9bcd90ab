package com.hmoexchange.hub.people;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.Forbidden;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.PublicAddress;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.mail.Email;
import com.hmoexchange.hub.mail.Mailer;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.CurrentPasswords;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.security.TwoFactor;
import com.hmoexchange.hub.security.WebSessions;
import com.hmoexchange.hub.web.Display;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of every kind: invited by email, managed within the scope of whoever manages them, and their
 * own password. OWNER and ADMIN manage their practice's users, HMO_ADMIN their HMO's administrators,
 * PLATFORM_ADMIN the hub's operators and administrators; anyone else's users are not found. A practice
 * always keeps an enabled OWNER and the hub an enabled PLATFORM_ADMIN.
 */
@Service
public class People {

    private static final String HUB_NAME = "HMO Exchange Hub";

    /** One @, no spaces, a dot in the domain: the address becomes the user name and gets the links. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AppUserRepository users;
    private final ProviderRepository providers;
    private final PayerRepository payers;
    private final SignInLinks links;
    private final PasswordRules rules;
    private final PasswordEncoder passwords;
    private final WebSessions sessions;
    private final CurrentPasswords current;
    private final Mailer mailer;
    private final PublicAddress hub;
    private final PeopleSettings settings;

    private final AuditLog audit;
    private final TwoFactor twoFactor;
    private final Display show;

    People(AppUserRepository users, ProviderRepository providers, PayerRepository payers, SignInLinks links,
            PasswordRules rules, PasswordEncoder passwords, WebSessions sessions, CurrentPasswords current, Mailer mailer,
            PublicAddress hub, PeopleSettings settings, AuditLog audit, TwoFactor twoFactor, Display show) {
        this.audit = audit;
        this.twoFactor = twoFactor;
        this.show = show;
        this.users = users;
        this.providers = providers;
        this.payers = payers;
        this.links = links;
        this.rules = rules;
        this.passwords = passwords;
        this.sessions = sessions;
        this.current = current;
        this.mailer = mailer;
        this.hub = hub;
        this.settings = settings;
    }

    public record UserView(long id, String username, String email, Role role, Long providerId, Long payerId,
            boolean enabled, Instant createdAt, Instant lastSignInAt) {
        static UserView of(AppUser u) {
            return new UserView(u.getId(), u.getUsername(), u.getEmail(), u.getRole(), u.getProviderId(), u.getPayerId(),
                    u.isEnabled(), u.getCreatedAt(), u.getLastSignInAt());
        }
    }

    /** An invitation sent: the user (not yet able to sign in) and when the link expires. */
    public record Invited(UserView user, Instant linkExpiresAt) {
    }

    /** The roles the user may give to people they invite or manage. */
    public Set<Role> rolesGrantedBy(HubUser actor) {
        return switch (actor.role()) {
            case PLATFORM_ADMIN -> EnumSet.of(Role.OPERATOR, Role.PLATFORM_ADMIN);
            case OWNER -> EnumSet.of(Role.OWNER, Role.ADMIN, Role.BILLING_STAFF);
            case ADMIN -> EnumSet.of(Role.ADMIN, Role.BILLING_STAFF);
            case HMO_ADMIN -> EnumSet.of(Role.HMO_ADMIN);
            default -> EnumSet.noneOf(Role.class);
        };
    }

    /** Invites a colleague into the actor's own practice, HMO or the hub's staff. */
    @Transactional
    public Invited invite(HubUser actor, String rawEmail, Role role) {
        if (role == null || !rolesGrantedBy(actor).contains(role)) {
            throw new InvalidInput("role", "Choose one of the roles you may give: " + rolesGrantedBy(actor) + ".");
        }
        Long providerId = role.isProviderSide() ? actor.requireProviderId() : null;
        Long payerId = role == Role.HMO_ADMIN ? actor.requireHmoPayerId() : null;
        String where = providerId != null ? providers.findById(providerId).orElseThrow().getName()
                : payerId != null ? payerName(payerId) : HUB_NAME;
        return create(rawEmail, role, providerId, payerId, where, actor.getUsername()).invited();
    }

    /** The first (or another) OWNER of a practice, invited by the platform administrator. */
    @Transactional
    public Invited inviteOwner(long providerId, String rawEmail, String invitedBy) {
        String practice = providers.findById(providerId).orElseThrow(() -> new NotFoundException("Practice", providerId))
                .getName();
        return create(rawEmail, Role.OWNER, providerId, null, practice, invitedBy).invited();
    }

    /** The first (or another) HMO_ADMIN of an HMO, acting for the given payer of that HMO. */
    @Transactional
    public Invited inviteHmoAdmin(long payerId, String hmoName, String rawEmail, String invitedBy) {
        return create(rawEmail, Role.HMO_ADMIN, null, payerId, hmoName, invitedBy).invited();
    }

    /** An invitation with its link, which FirstStart prints when there is no mail server to send it. */
    record Created(Invited invited, String link) {
    }

    /** The first platform administrator (see FirstStart). */
    @Transactional
    Created firstAdministrator(String email) {
        return create(email, Role.PLATFORM_ADMIN, null, null, HUB_NAME, "the hub's first start");
    }

    /**
     * For the demo only: a user of a known name and password, made as an invitation and then its link used
     * with the password, so the same rules apply. The demo's users sign in by short names (lekki.owner), which
     * an invitation by email cannot give, and nobody is there to open the link.
     */
    @Transactional
    public UserView seedWithPassword(String username, Role role, Long providerId, Long payerId, String password) {
        refuseTaken(username);
        String hash = links.unusablePasswordHash();
        // A short name is not an address, so it is not kept as the user's email (no reset links go to it).
        AppUser user = users.save(EMAIL.matcher(username).matches() ? AppUser.invited(username, hash, role, providerId, payerId)
                : role.isProviderSide() ? AppUser.ofProvider(username, hash, role, providerId)
                : role == Role.HMO_ADMIN ? AppUser.ofPayer(username, hash, payerId)
                : role == Role.OPERATOR ? AppUser.operator(username, hash)
                : AppUser.invited(normalised(username), hash, role, providerId, payerId));
        user.disable();
        links.setPassword(links.issue(user, LinkPurpose.INVITATION, settings.invitationValidity()).token(), password);
        return UserView.of(user);
    }

    private Created create(String rawEmail, Role role, Long providerId, Long payerId, String where, String invitedBy) {
        String email = normalised(rawEmail);
        refuseTaken(email);
        AppUser user = users.save(AppUser.invited(email, links.unusablePasswordHash(), role, providerId, payerId));
        // The user signs in only after choosing a password, which enables them.
        user.disable();
        SignInLinks.Issued link = links.issue(user, LinkPurpose.INVITATION, settings.invitationValidity());
        audit.record(AuditAction.USER_INVITED, "user", user.getId(), "as " + role);
        // Operators and administrators are invited to the hub itself, not to an organisation on it.
        boolean toHub = HUB_NAME.equals(where);
        mailer.sendAfterCommit(new Email(email, "You are invited to " + where + (toHub ? "" : " on " + HUB_NAME), """
                Hello,

                %s has invited you to HMO Exchange Hub as %s%s.
                Your user name is %s. Open this link to choose your password:

                %s

                The link works once and expires on %s. If it has expired, ask %s to invite you again.
                """.formatted(invitedBy, role.label(), toHub ? "" : " for " + where, email,
                hub.link("/set-password?token=" + link.token()), show.when(link.expiresAt()), invitedBy), link.expiresAt()));
        return new Created(new Invited(UserView.of(user), link.expiresAt()),
                hub.link("/set-password?token=" + link.token()));
    }

    private void refuseTaken(String email) {
        users.findByUsername(email).or(() -> users.findByEmail(email)).ifPresent(existing -> {
            throw new RuleViolation("email-taken", "The address " + email + " already signs in to the hub"
                    + (existing.isEnabled() ? "" : " (a disabled user)") + ". Invite another address, or, if it is "
                    + "the same person, ask whoever manages that user to enable it or change its role.");
        });
    }

    /** The users the actor manages, by name. */
    @Transactional(readOnly = true)
    public List<UserView> list(HubUser actor) {
        List<AppUser> found = switch (actor.role()) {
            case PLATFORM_ADMIN -> users.findByRoleInOrderByUsername(List.of(Role.OPERATOR, Role.PLATFORM_ADMIN));
            case OWNER, ADMIN -> users.findByProviderIdOrderByUsername(actor.requireProviderId());
            case HMO_ADMIN -> users.findByPayerIdInAndRoleOrderByUsername(hmoPayerIds(actor), Role.HMO_ADMIN);
            default -> throw new Forbidden("Your role (" + actor.role() + ") does not manage users.");
        };
        return found.stream().map(UserView::of).toList();
    }

    @Transactional
    public UserView disable(HubUser actor, long userId) {
        AppUser user = managed(actor, userId);
        if (user.isEnabled()) {
            refuseLeavingNone(user, "disable");
            user.disable();
        }
        links.revokeOpen(userId);
        sessions.endAllOf(user.getUsername());
        audit.record(AuditAction.USER_DISABLED, "user", userId);
        return UserView.of(user);
    }

    @Transactional
    public UserView enable(HubUser actor, long userId) {
        AppUser user = managed(actor, userId);
        user.enable();
        audit.record(AuditAction.USER_ENABLED, "user", userId);
        return UserView.of(user);
    }

    @Transactional
    public UserView changeRole(HubUser actor, long userId, Role role) {
        AppUser user = managed(actor, userId);
        if (role == null || !rolesGrantedBy(actor).contains(role)) {
            throw new InvalidInput("role", "Choose one of the roles you may give: " + rolesGrantedBy(actor) + ".");
        }
        if (role != user.getRole()) {
            if (user.isEnabled()) {
                refuseLeavingNone(user, "move to " + role);
            }
            user.changeRole(role);
            sessions.endAllOf(user.getUsername());
            audit.record(AuditAction.USER_ROLE_CHANGED, "user", userId, "to " + role);
        }
        return UserView.of(user);
    }

    /**
     * Resets a person's two-factor sign-in (they lost their phone): their secret and recovery codes go, they are signed
     * out everywhere and set it up again at their next sign-in; they are told by email. A PLATFORM_ADMIN may reset
     * anyone's, an OWNER their practice's people's, an HMO_ADMIN their HMO's administrators'; nobody their own (another
     * administrator does it, so a stolen password alone cannot remove the second factor). Anyone else's is not found.
     */
    @Transactional
    public UserView resetTwoFactor(HubUser actor, long userId) {
        if (actor.role() != Role.PLATFORM_ADMIN && actor.role() != Role.OWNER && actor.role() != Role.HMO_ADMIN) {
            throw new Forbidden("A person's two-factor sign-in is reset by a PLATFORM_ADMIN, or by their practice's OWNER "
                    + "or their HMO's HMO_ADMIN.");
        }
        if (actor.id() == userId) {
            throw new Forbidden("You cannot reset your own two-factor sign-in: use a recovery code, or ask another "
                    + "administrator to reset it.");
        }
        AppUser user = actor.role() == Role.PLATFORM_ADMIN
                ? users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId)) : managed(actor, userId);
        twoFactor.reset(userId, actor.username());
        sessions.endAllOf(user.getUsername());
        audit.record(AuditAction.TWO_FACTOR_RESET, "user", userId, "secret and recovery codes removed; sets it up again at next sign-in");
        if (user.getEmail() != null) {
            mailer.sendAfterCommit(new Email(user.getEmail(), "Your two-factor sign-in was reset", """
                    Hello,

                    %s reset the two-factor sign-in of %s on HMO Exchange Hub (for a lost or replaced phone): your
                    authenticator app's codes and your recovery codes no longer work, and you were signed out.

                    At your next sign-in, after your password, you will set up two-factor sign-in again with your
                    authenticator app: %s

                    If you did not ask for this, tell your administrator at once and change your password.
                    """.formatted(actor.username(), user.getUsername(), hub.link("/sign-in")), null));
        }
        return UserView.of(user);
    }

    /** Which of these users sign in with a code. */
    @Transactional(readOnly = true)
    public Set<Long> withTwoFactor(List<UserView> listed) {
        return twoFactor.onAmong(listed.stream().map(UserView::id).toList());
    }

    /** Anyone's own password, given the current one. */
    @Transactional
    public void changePassword(HubUser actor, String currentPassword, String newPassword) {
        AppUser user = users.findById(actor.id()).orElseThrow();
        if (!current.matches(user.getId(), currentPassword)) {
            throw new InvalidInput("currentPassword", "This is not your current password. Type it again.");
        }
        rules.check(user.getUsername(), newPassword);
        user.replacePassword(passwords.encode(newPassword));
    }

    /**
     * Emails a reset link to the address when it belongs to an enabled user; otherwise does nothing, so the
     * answer does not tell a stranger who has an account.
     */
    @Transactional
    public void requestReset(String rawEmail) {
        String email = rawEmail == null ? "" : rawEmail.trim().toLowerCase(Locale.ROOT);
        AppUser user = users.findByEmail(email).or(() -> users.findByUsername(email)).orElse(null);
        if (user == null || !user.isEnabled() || !EMAIL.matcher(email).matches()) {
            return;
        }
        SignInLinks.Issued link = links.issue(user, LinkPurpose.RESET, settings.resetLinkValidity());
        mailer.sendAfterCommit(new Email(email, "Reset your HMO Exchange Hub password", """
                Hello,

                Someone (we hope you) asked to reset the password of %s on HMO Exchange Hub.
                Open this link to choose a new password:

                %s

                The link works once and expires on %s. If you did not ask, ignore this email: your password
                stays as it is.
                """.formatted(user.getUsername(), hub.link("/set-password?token=" + link.token()), show.when(link.expiresAt())),
                link.expiresAt()));
    }

    /** The signed-in user's own account. */
    public record Me(long id, String username, String email, Role role, Instant previousSignInAt, Instant lastSignInAt) {
    }

    @Transactional(readOnly = true)
    public Me me(HubUser actor) {
        AppUser user = users.findById(actor.id()).orElseThrow();
        return new Me(user.getId(), user.getUsername(), user.getEmail(), user.getRole(), user.getPreviousSignInAt(),
                user.getLastSignInAt());
    }

    /** A user the actor manages; any other is not found, so nobody learns of another tenant's users. */
    private AppUser managed(HubUser actor, long userId) {
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
        boolean mine = switch (actor.role()) {
            case PLATFORM_ADMIN -> user.getRole().isPlatformSide();
            case OWNER -> user.getRole().isProviderSide() && user.getProviderId().equals(actor.requireProviderId());
            case ADMIN -> user.getRole().isProviderSide() && user.getProviderId().equals(actor.requireProviderId())
                    && user.getRole() != Role.OWNER;
            case HMO_ADMIN -> user.getRole() == Role.HMO_ADMIN && hmoPayerIds(actor).contains(user.getPayerId());
            default -> false;
        };
        if (!mine) {
            throw new NotFoundException("User", userId);
        }
        return user;
    }

    /** A practice keeps an enabled OWNER, the hub an enabled PLATFORM_ADMIN: refused when this would take the last. */
    private void refuseLeavingNone(AppUser user, String action) {
        if (user.getRole() == Role.OWNER) {
            List<AppUser> owners = users.lockEnabledOfPractice(user.getProviderId(), Role.OWNER);
            if (owners.size() <= 1) {
                throw new RuleViolation("last-owner", user.getUsername() + " is the practice's last enabled OWNER, so you "
                        + "cannot " + action + " this user: nobody could manage the practice's users. Make another user "
                        + "OWNER first.");
            }
        } else if (user.getRole() == Role.PLATFORM_ADMIN) {
            List<AppUser> admins = users.lockEnabledByRole(Role.PLATFORM_ADMIN);
            if (admins.size() <= 1) {
                throw new RuleViolation("last-platform-admin", user.getUsername() + " is the hub's last enabled "
                        + "PLATFORM_ADMIN, so you cannot " + action + " this user: nobody could manage organisations and "
                        + "administrators. Invite another platform administrator first.");
            }
        }
    }

    /** The payers of the HMO_ADMIN's HMO: all payers of that organisation, or their own payer when it has none yet. */
    private List<Long> hmoPayerIds(HubUser actor) {
        Payer own = payers.findById(actor.requireHmoPayerId()).orElseThrow();
        return own.getHmoId() == null ? List.of(own.getId())
                : payers.findByHmoIdOrderByCode(own.getHmoId()).stream().map(Payer::getId).toList();
    }

    private String payerName(long payerId) {
        Payer payer = payers.findById(payerId).orElseThrow();
        return payer.getName();
    }

    private static String normalised(String rawEmail) {
        String email = rawEmail == null ? "" : rawEmail.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 100 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInput("email", "Enter the person's email address, like name@example.ng (at most 100 characters).");
        }
        return email;
    }
}
