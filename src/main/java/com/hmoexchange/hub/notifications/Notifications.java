package com.hmoexchange.hub.notifications;

import com.hmoexchange.hub.common.PublicAddress;
import com.hmoexchange.hub.common.Texts;
import com.hmoexchange.hub.mail.Email;
import com.hmoexchange.hub.mail.Mailer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one notification store: tells people what happened, in the app and (where a module asks) by email.
 * A practice's billing staff about their claims, an HMO's staff about their clients' requests, a client
 * about its decided requests, the hub's operators about work that needs a person. Notices about one
 * document go out as one email per practice (a digest), however many claims it moved; in-app notices are
 * one per claim, written in batches so that a large file does not write them one at a time.
 */
@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final JdbcTemplate jdbc;
    private final Mailer mailer;
    private final Clock clock;
    private final NotificationSettings settings;
    private final PublicAddress hub;

    Notifications(NotificationRepository notifications, JdbcTemplate jdbc, Mailer mailer, Clock clock,
            NotificationSettings settings, PublicAddress hub) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.clock = clock;
        this.settings = settings;
        this.hub = hub;
    }

    /** What happened to one claim of a practice. */
    public record PracticeNotice(long providerId, NotificationKind kind, String claimNumber, String message) {
    }

    /** An in-app notice for everyone of the recipient (no email); it joins the caller's transaction. */
    @Transactional
    public void notify(Recipient to, NotificationKind kind, String message) {
        notify(to, kind, About.nothing(), message);
    }

    /** An in-app notice that opens what it is about (a claim, a change request); it joins the caller's transaction. */
    @Transactional
    public void notify(Recipient to, NotificationKind kind, About about, String message) {
        notifications.save(new Notification(to, kind, about, message, clock.instant()));
    }

    /** In-app notices for the practices' staff, and one email per practice that has a billing address. */
    @Transactional
    public void tellPractices(List<PracticeNotice> notices, String emailSubject) {
        if (notices.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>(notices.size());
        Map<Long, List<PracticeNotice>> byPractice = new LinkedHashMap<>();
        for (PracticeNotice n : notices) {
            rows.add(new Object[] {n.providerId(), n.kind().name(), n.claimNumber(),
                    Texts.shortened(n.message(), Notification.MESSAGE_LENGTH), now.atOffset(ZoneOffset.UTC)});
            byPractice.computeIfAbsent(n.providerId(), k -> new ArrayList<>()).add(n);
        }
        jdbc.batchUpdate("insert into notification (audience, owner_id, kind, claim_number, message, created_at) "
                + "values ('PRACTICE', ?, ?, ?, ?, ?)", rows,
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE});
        String marks = String.join(",", Collections.nCopies(byPractice.size(), "?"));
        jdbc.query("select id, billing_email from provider where billing_email is not null and id in (" + marks + ")", rs -> {
            List<PracticeNotice> own = byPractice.get(rs.getLong(1));
            StringBuilder body = new StringBuilder();
            // Each claim's own page (not the API), for billing staff to open straight from the email.
            own.stream().limit(200).forEach(n -> body.append("- ").append(Texts.shortened(n.message(), 300)).append('\n')
                    .append(n.claimNumber() == null ? "" : "  " + hub.link("/billing/claims/number/"
                            + URLEncoder.encode(n.claimNumber(), StandardCharsets.UTF_8)) + "\n"));
            if (own.size() > 200) {
                body.append("... and ").append(own.size() - 200).append(" more.\n");
            }
            body.append("\nSee them in the hub: ").append(hub.link("/billing/notifications")).append('\n');
            mailer.sendAfterCommit(new Email(rs.getString(2), emailSubject + " (" + own.size() + " claim"
                    + (own.size() == 1 ? "" : "s") + ")", body.toString()));
        }, byPractice.keySet().toArray());
    }

    /** An in-app notice for the hub's operators, and an email to the operations address when one is set. */
    @Transactional
    public void tellOperators(NotificationKind kind, String message) {
        notify(Recipient.operators(), kind, message);
        if (!settings.operatorsEmail().isBlank()) {
            mailer.sendAfterCommit(new Email(settings.operatorsEmail(), "Hub operations: " + kind.name().toLowerCase().replace('_', ' '),
                    message + "\n\n" + hub.link("/operator/notifications") + "\n"));
        }
    }
}
