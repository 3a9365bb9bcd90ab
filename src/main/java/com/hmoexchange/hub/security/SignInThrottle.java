package com.hmoexchange.hub.security;

import com.hmoexchange.hub.common.PublicAddress;
import com.hmoexchange.hub.mail.Email;
import com.hmoexchange.hub.mail.Mailer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins counted per account and per client address in the database ({@code sign_in_throttle}), so
 * every hub node refuses the same attempts. An attempt is first checked against the counts (a cheap read, no
 * password hash), then the password; a failure is counted, and its row locked while it is, so two nodes
 * never lose a count. On a lockout of an account the owner is emailed. See {@link SignInTally} for the rules.
 */
@Component
public class SignInThrottle {

    /** As pages write a time (web/Display): "14:05 WAT" today, "3 Dec 2026, 14:05 WAT" on another day. */
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.UK);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.UK);
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final String ACCOUNT = "ACCOUNT";
    private static final String ADDRESS = "ADDRESS";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SignInProtectionSettings settings;
    private final AppUserRepository users;
    private final Mailer mailer;
    private final PublicAddress hub;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    SignInThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, SignInProtectionSettings settings,
            AppUserRepository users, Mailer mailer, PublicAddress hub, ApplicationEventPublisher events, Clock clock,
            @Value("${hub.display.time-zone:Africa/Lagos}") ZoneId zone) {
        this.zone = zone;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.users = users;
        this.mailer = mailer;
        this.hub = hub;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Where an attempt stands before its password is checked: until when it is refused unheard (if it is now), and
     * whether the account has failures on record (only then does a success need to write anything).
     */
    public record Standing(Optional<Instant> refusedUntil, boolean accountHasFailures) {
    }

    /** One read per attempt (both keys at once), however many hub nodes there are. */
    public Standing standing(String username, String address) {
        Instant now = clock.instant();
        Instant[] until = {null};
        boolean[] failures = {false};
        jdbc.query("select kind, refused_until from sign_in_throttle where (kind = 'ACCOUNT' and subject = ?) "
                + "or (kind = 'ADDRESS' and subject = ?)", rs -> {
                    failures[0] |= ACCOUNT.equals(rs.getString(1));
                    Timestamp refused = rs.getTimestamp(2);
                    if (refused != null && refused.toInstant().isAfter(now) && (until[0] == null || refused.toInstant().isAfter(until[0]))) {
                        until[0] = refused.toInstant();
                    }
                }, account(username), address(address));
        return new Standing(Optional.ofNullable(until[0]), failures[0]);
    }

    /** Until when attempts for this user name or from this address are refused unheard, if they are now. */
    public Optional<Instant> refusedUntil(String username, String address) {
        return standing(username, address).refusedUntil();
    }

    /**
     * Counts a failed sign-in (a wrong password or second-factor code) for the user name and the address;
     * returns the lockout it started, if it did.
     */
    public Optional<Instant> failed(String username, String address) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> count(account(username), address(address)));
            } catch (DuplicateKeyException firstFailureOnTwoNodesAtOnce) {
                if (attempt == 3) {
                    throw firstFailureOnTwoNodesAtOnce;
                }
            }
        }
    }

    /** A complete sign-in (password, and code when asked): the account's count starts again. The address's does not. */
    public void succeeded(String username) {
        jdbc.update("delete from sign_in_throttle where kind = 'ACCOUNT' and subject = ?", account(username));
    }

    /** A new password was set with a reset link: its owner is let in again at once. */
    public void cleared(String username) {
        succeeded(username);
    }

    private Optional<Instant> count(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> lockout = Optional.empty();
        SignInTally account = next(ACCOUNT, username, settings.account(), now);
        if (account.isLockout()) {
            lockout = Optional.of(account.refusedUntil());
            lockedOut(username, address, ACCOUNT, account.refusedUntil());
        }
        SignInTally from = next(ADDRESS, address, settings.address(), now);
        if (from.isLockout()) {
            lockout = Optional.of(lockout.filter(u -> u.isAfter(from.refusedUntil())).orElse(from.refusedUntil()));
            lockedOut(username, address, ADDRESS, from.refusedUntil());
        }
        return lockout;
    }

    private SignInTally next(String kind, String subject, SignInProtectionSettings.Limits limits, Instant now) {
        List<SignInTally> found = jdbc.query("""
                select failures, lockouts, last_failure_at, refused_until from sign_in_throttle
                where kind = ? and subject = ? for update""",
                (rs, row) -> new SignInTally(rs.getInt(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), kind, subject);
        SignInTally next = (found.isEmpty() ? SignInTally.NONE : found.get(0)).afterFailure(now, limits, settings.forgetAfter());
        Timestamp until = next.refusedUntil() == null ? null : Timestamp.from(next.refusedUntil());
        if (found.isEmpty()) {
            jdbc.update("insert into sign_in_throttle (kind, subject, failures, lockouts, last_failure_at, refused_until) "
                    + "values (?, ?, ?, ?, ?, ?)", kind, subject, next.failures(), next.lockouts(), Timestamp.from(now), until);
        } else {
            jdbc.update("update sign_in_throttle set failures = ?, lockouts = ?, last_failure_at = ?, refused_until = ? "
                    + "where kind = ? and subject = ?", next.failures(), next.lockouts(), Timestamp.from(now), until, kind, subject);
        }
        return next;
    }

    private void lockedOut(String username, String address, String scope, Instant until) {
        // The address, never the password tried; the user name only as typed (it may be a stranger's guess).
        log.warn("Sign-in locked out ({}) until {} after repeated failures from {}", scope, until, address);
        events.publishEvent(new SignInLockedOut(username, address, scope, until));
        if (!ACCOUNT.equals(scope)) {
            return;
        }
        users.findByUsername(username).filter(u -> u.getEmail() != null).ifPresent(user ->
                mailer.sendAfterCommit(new Email(user.getEmail(), "Your HMO Exchange Hub account is locked for a while", """
                        Hello,

                        Someone tried to sign in as %s on HMO Exchange Hub and gave a wrong password or code too often
                        (the last attempt came from the address %s). To protect your account, sign-in is refused until
                        %s.

                        If this was you, wait until then, or choose a new password now (the lock ends when you do):
                        %s

                        If it was not you, choose a new password all the same, and tell your administrator.
                        """.formatted(user.getUsername(), address, tryAgainAfter(until), hub.link("/forgot-password")))));
    }

    /** The time to try again in the hub's display zone (HUB_DISPLAY_TIME_ZONE), as the page, the API and the email say it. */
    public String tryAgainAfter(Instant until) {
        return when(until, clock.instant(), zone);
    }

    /** A time to try again, as people read it in the zone: "14:05 WAT", or with the day when it is not today there. */
    public static String when(Instant until, Instant now, ZoneId zone) {
        boolean today = until.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        // Rounded up to the minute: "after 14:05" must not be a minute early.
        Instant shown = until.getEpochSecond() % 60 == 0 && until.getNano() == 0 ? until
                : Instant.ofEpochSecond((until.getEpochSecond() / 60 + 1) * 60);
        return (today ? CLOCK_TIME : DAY_AND_TIME).format(shown.atZone(zone));
    }

    private static String account(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return name.length() > 320 ? name.substring(0, 320) : name;
    }

    private static String address(String address) {
        return address == null || address.isBlank() ? "unknown" : address.length() > 320 ? address.substring(0, 320) : address;
    }
}
