package com.hmoexchange.hub.people;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.SignInThrottle;
import com.hmoexchange.hub.security.WebSessions;
import com.hmoexchange.hub.web.Display;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links by email, for every kind of user: an invitation sets the first password (and enables the
 * user), a reset replaces a forgotten one. Only a digest of the token is kept; a new link revokes the
 * user's earlier open ones.
 */
@Service
public class SignInLinks {

    private final SignInLinkRepository links;
    private final AppUserRepository users;
    private final PasswordRules rules;
    private final PasswordEncoder passwords;
    private final WebSessions sessions;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Display show;

    SignInLinks(SignInLinkRepository links, AppUserRepository users, PasswordRules rules, PasswordEncoder passwords,
            WebSessions sessions, SignInThrottle throttle, Clock clock, Display show) {
        this.show = show;
        this.links = links;
        this.users = users;
        this.rules = rules;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** A link made: the token for the email (never stored), when it expires, and how many earlier links it revoked. */
    public record Issued(String token, Instant expiresAt, int earlierLinksRevoked) {
    }

    /** A hash of a secret nobody knows: the password of a user who has not chosen one yet. */
    public String unusablePasswordHash() {
        return passwords.encode(SignInTokens.newToken());
    }

    @Transactional
    public Issued issue(AppUser user, LinkPurpose purpose, Duration validity) {
        Instant now = clock.instant();
        List<SignInLink> open = links.findByUserIdAndUsedAtIsNullAndRevokedAtIsNull(user.getId());
        open.forEach(link -> link.revoke(now));
        String token = SignInTokens.newToken();
        SignInLink link = links.save(new SignInLink(user.getId(), purpose, SignInTokens.digest(token), now, now.plus(validity)));
        return new Issued(token, link.getExpiresAt(), open.size());
    }

    /** Voids the user's links not yet used (the user was disabled). */
    @Transactional
    public void revokeOpen(long userId) {
        Instant now = clock.instant();
        links.findByUserIdAndUsedAtIsNullAndRevokedAtIsNull(userId).forEach(link -> link.revoke(now));
    }

    /**
     * What the link does: sets the password once, then the link is spent. An invitation enables the user; a reset
     * does not (a disabled user stays disabled) and ends the user's open page sessions.
     */
    @Transactional
    public String setPassword(String token, String password) {
        SignInLink link = link(token);
        link.requireUsable(clock.instant(), show::when);
        AppUser user = users.findById(link.getUserId()).orElseThrow();
        rules.check(user.getUsername(), password);
        link.use(clock.instant(), show::when);
        if (link.getPurpose() == LinkPurpose.INVITATION) {
            user.choosePassword(passwords.encode(password));
        } else {
            user.replacePassword(passwords.encode(password));
            sessions.endAllOf(user.getUsername());
            // "Try again later or reset your password": a reset ends a lockout of the account.
            throttle.cleared(user.getUsername());
        }
        return user.getUsername();
    }

    /** The user name a link is for, when it can still be used; otherwise refused with the reason. */
    @Transactional(readOnly = true)
    public String checkLink(String token) {
        SignInLink link = link(token);
        link.requireUsable(clock.instant(), show::when);
        return users.findById(link.getUserId()).orElseThrow().getUsername();
    }

    private SignInLink link(String token) {
        return links.findByTokenHash(SignInTokens.digest(token == null ? "" : token))
                .orElseThrow(() -> new NotFoundException("Sign-in link", "(as given)"));
    }
}
