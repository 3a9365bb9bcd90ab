package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.clients.ClientRepository;
import com.hmoexchange.hub.clients.Clients;
import com.hmoexchange.hub.common.LogContext;
import com.hmoexchange.hub.roster.RosterIntake;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.mailintake.HeldMailHandler;
import com.hmoexchange.hub.mailintake.Intake;
import com.hmoexchange.hub.mailintake.IntakeRule;
import com.hmoexchange.hub.mailintake.MailIntake;
import com.hmoexchange.hub.mailintake.MailIntakeSettings;
import com.hmoexchange.hub.mailintake.ReceivedMail;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the bulk routes (routes/client-requests.camel.yaml) hand over what they picked up: a CSV file
 * from a client's SFTP folder, or an email to the intake address with CSV attachments. It works out
 * who sent it; {@link BulkRequests} decides about each row. An HMO's member roster comes the same ways:
 * a file under {@code rosters/<payer-code>/}, or an email from an HMO admin; {@link RosterIntake} applies it.
 */
@Component("bulkRequestIntake")
class BulkRequestIntake implements HeldMailHandler {

    private static final Logger log = LoggerFactory.getLogger(BulkRequestIntake.class);

    private final BulkRequests bulk;
    private final ClientRepository clientsByCode;
    private final Clients clients;
    private final AppUserRepository users;
    private final RosterIntake rosters;
    private final MailIntake intake;

    BulkRequestIntake(BulkRequests bulk, ClientRepository clientsByCode, Clients clients, AppUserRepository users,
            RosterIntake rosters, MailIntake intake) {
        this.intake = intake;
        this.bulk = bulk;
        this.clientsByCode = clientsByCode;
        this.clients = clients;
        this.users = users;
        this.rosters = rosters;
    }

    static final String ROSTERS = "rosters/";
    private static final List<String> ROSTER_ENDINGS = List.of(".csv", ".834", ".x12", ".edi", ".txt");

    /** A file at {@code <client-code>/<name>.csv} under the intake folder; answered to the client's contact address. */
    public void fromSftp(String relativePath, String csv) {
        String path = relativePath.replace('\\', '/');
        if (path.startsWith(ROSTERS)) {
            rosterFromSftp(path, csv);
            return;
        }
        int slash = path.indexOf('/');
        Optional<Client> client = slash < 0 ? Optional.empty() : clientsByCode.findByCode(path.substring(0, slash));
        if (client.isEmpty()) {
            log.warn("Bulk file {} is not in a client's folder (<client-code>/file.csv); ignored", path);
            return;
        }
        Client c = client.get();
        bulk.take(c, new Requester(c.getId(), c.getPayerId(), "sftp:" + c.getCode(), RequestChannel.SFTP),
                path.substring(slash + 1), csv, c.getContactEmail());
    }

    /** A roster at {@code rosters/<payer-code>/<name>}; the HMO is told in the hub. */
    private void rosterFromSftp(String path, String content) {
        String rest = path.substring(ROSTERS.length());
        int slash = rest.indexOf('/');
        Optional<Long> payerId = slash < 0 ? Optional.empty() : rosters.payerIdOf(rest.substring(0, slash));
        if (payerId.isEmpty()) {
            log.warn("Roster file {} is not in a payer's folder (rosters/<payer-code>/file); ignored", path);
            return;
        }
        try (LogContext file = LogContext.document(rest.substring(0, slash), rest.substring(slash + 1))) {
            rosters.take(payerId.get(), rest.substring(slash + 1), content.getBytes(StandardCharsets.UTF_8), "sftp:" + rest.substring(0, slash), null);
        }
    }

    /**
     * An email from an enabled client user with CSV attachments, or from an enabled HMO admin with roster files
     * attached; answered to the sender. A mail from anyone else, without DKIM and DMARC passing at the hub's mail
     * server (unless hub.mail.intake.bulk-authentication is none), or over the size limits is held for an operator
     * (mailintake/MailIntake): nothing of it is applied.
     */
    public void fromEmail(Exchange exchange) throws MessagingException, IOException {
        boolean authentication = intake.settings().bulkAuthentication() == MailIntakeSettings.Authentication.REQUIRED;
        Optional<ReceivedMail> mail = intake.admit(exchange, Intake.BULK_REQUESTS, OWNER, sender -> sender != null
                && (hmoAdmin(sender).isPresent() || clientUser(sender).isPresent()) ? IntakeRule.anySender(authentication)
                : IntakeRule.nobody(authentication, "the hub's enabled client users and HMO admins"));
        if (mail.isPresent()) {
            apply(mail.get());
        }
    }

    /** Who held mails of this intake belong to: the one bulk intake address. */
    static final String OWNER = "bulk-intake";

    @Override
    public Intake intake() {
        return Intake.BULK_REQUESTS;
    }

    /** A held mail an operator accepted: applied for its sender, who must (still) be an enabled client user or HMO admin. */
    @Override
    public String applyAccepted(String owner, ReceivedMail mail) {
        String sender = mail.sender();
        if (sender == null || hmoAdmin(sender).isEmpty() && clientUser(sender).isEmpty()) {
            throw new RuleViolation("HELD_MAIL_SENDER_UNKNOWN", "Its sender " + (sender == null ? "(none or several)" : sender)
                    + " is not an enabled client user or HMO admin, so there is no client or HMO to apply it for. Reject it, "
                    + "or add the sender as a client user first.");
        }
        return apply(mail);
    }

    private String apply(ReceivedMail mail) {
        String sender = mail.sender();
        Optional<AppUser> hmoAdmin = hmoAdmin(sender);
        if (hmoAdmin.isPresent()) {
            return rostersFromEmail(mail, hmoAdmin.get(), sender);
        }
        Client client = clients.byId(clientUser(sender).orElseThrow().getClientId());
        Requester who = new Requester(client.getId(), client.getPayerId(), sender, RequestChannel.EMAIL);
        int accepted = 0;
        int refused = 0;
        boolean any = false;
        for (ReceivedMail.Attachment attachment : mail.attachments()) {
            if (attachment.name().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                any = true;
                BulkRequests.Outcome outcome = bulk.take(client, who, attachment.name(),
                        new String(attachment.content(), StandardCharsets.UTF_8), sender);
                accepted += outcome.accepted().size();
                refused += outcome.refused().size();
            }
        }
        if (!any) {
            bulk.take(client, who, "(email without a .csv attachment)", "", sender);
            return "No .csv attachment: nothing requested; the sender was told.";
        }
        return accepted + " request(s) taken, " + refused + " row(s) refused; the sender was sent the report.";
    }

    private Optional<AppUser> hmoAdmin(String sender) {
        return users.findByUsername(sender).filter(u -> u.getRole() == Role.HMO_ADMIN && u.isEnabled() && u.getPayerId() != null);
    }

    private Optional<AppUser> clientUser(String sender) {
        return users.findByUsername(sender).filter(u -> u.getRole() == Role.CLIENT_USER && u.isEnabled());
    }

    private String rostersFromEmail(ReceivedMail mail, AppUser admin, String sender) {
        int taken = 0;
        for (ReceivedMail.Attachment attachment : mail.attachments()) {
            String name = attachment.name().toLowerCase(Locale.ROOT);
            if (ROSTER_ENDINGS.stream().anyMatch(name::endsWith)) {
                taken++;
                rosters.take(admin.getPayerId(), attachment.name(), attachment.content(), sender, sender);
            }
        }
        if (taken == 0) {
            log.warn("Roster email from an HMO admin without a roster attachment ({}); ignored", ROSTER_ENDINGS);
            return "No roster attachment " + ROSTER_ENDINGS + ": nothing applied.";
        }
        return taken + " roster file(s) taken; the HMO is told in the hub.";
    }
}
