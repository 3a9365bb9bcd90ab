package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.mail.Email;
import com.hmoexchange.hub.mail.Mailer;
import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import com.hmoexchange.hub.notifications.Recipient;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A roster file that came through the bulk intake (an HMO's SFTP folder or an HMO admin's email): applied
 * whole or refused whole as through the API, then the HMO gets an in-app notice, and the sender of an email
 * the report by email.
 */
@Service
public class RosterIntake {

    static final int REPORTED_REFUSALS = 200;
    private static final Logger log = LoggerFactory.getLogger(RosterIntake.class);

    private final Rosters rosters;
    private final PayerRepository payers;
    private final Notifications notifications;
    private final Mailer mailer;

    RosterIntake(Rosters rosters, PayerRepository payers, Notifications notifications, Mailer mailer) {
        this.rosters = rosters;
        this.payers = payers;
        this.notifications = notifications;
        this.mailer = mailer;
    }

    public Optional<Long> payerIdOf(String payerCode) {
        return payers.findByCode(payerCode).map(Payer::getId);
    }

    /** Applies the file for the payer; {@code replyTo} (may be null) gets the report by email. */
    public RosterReport take(long payerId, String fileName, byte[] content, String by, String replyTo) {
        RosterReport report;
        try {
            report = rosters.apply(payerId, fileName, content, by);
        } catch (RosterRefused e) {
            report = e.report();
        }
        String summary = summary(report);
        notifications.notify(Recipient.hmo(payerId), report.applied() ? NotificationKind.ROSTER_APPLIED : NotificationKind.ROSTER_REFUSED,
                "Roster " + fileName + " from " + by + ": " + summary);
        if (replyTo != null) {
            mailer.sendAfterCommit(new Email(replyTo, "Roster " + fileName + ": " + summary, body(report)));
        }
        log.info("Roster {} of payer {} via intake ({}): {}", fileName, payerId, by, summary);
        return report;
    }

    private static String summary(RosterReport r) {
        return r.applied() ? r.added() + " added, " + r.changed() + " changed, " + r.terminated() + " terminated, "
                + r.unchanged() + " unchanged" : "refused, " + r.refusedCount() + " row(s) to fix, nothing applied";
    }

    private static String body(RosterReport r) {
        StringBuilder body = new StringBuilder("Your roster file ").append(r.fileName()).append(" (").append(r.format()).append("): ")
                .append(summary(r)).append(".\n");
        if (!r.applied()) {
            body.append("\nFix these rows and send the whole file again:\n\n");
            r.refused().stream().limit(REPORTED_REFUSALS).forEach(x -> body.append(x.at()).append(": ").append(x.reason()).append('\n'));
            if (r.refused().size() > REPORTED_REFUSALS) {
                body.append("... and ").append(r.refused().size() - REPORTED_REFUSALS).append(" more; the preview in the hub lists them all.\n");
            }
        }
        return body.toString();
    }
}
