package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.clients.ClientRepository;
import com.hmoexchange.hub.clients.Clients;
import com.hmoexchange.hub.common.LogContext;
import com.hmoexchange.hub.roster.RosterIntake;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.Role;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
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
class BulkRequestIntake {

    private static final Logger log = LoggerFactory.getLogger(BulkRequestIntake.class);

    private final BulkRequests bulk;
    private final ClientRepository clientsByCode;
    private final Clients clients;
    private final AppUserRepository users;
    private final RosterIntake rosters;

    BulkRequestIntake(BulkRequests bulk, ClientRepository clientsByCode, Clients clients, AppUserRepository users,
            RosterIntake rosters) {
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
     * An email from an enabled client user with CSV attachments, or from an enabled HMO admin with roster
     * files attached; answered to the sender. Others are ignored.
     */
    public void fromEmail(Exchange exchange) throws IOException {
        String sender = senderOf(exchange.getMessage().getHeader("From", String.class));
        Optional<AppUser> hmoAdmin = sender == null ? Optional.empty() : users.findByUsername(sender)
                .filter(u -> u.getRole() == Role.HMO_ADMIN && u.isEnabled() && u.getPayerId() != null);
        if (hmoAdmin.isPresent()) {
            rostersFromEmail(exchange, hmoAdmin.get(), sender);
            return;
        }
        Optional<AppUser> user = sender == null ? Optional.empty() : users.findByUsername(sender)
                .filter(u -> u.getRole() == Role.CLIENT_USER && u.isEnabled());
        if (user.isEmpty()) {
            log.warn("Bulk request email from an address that is not an enabled client user; ignored");
            return;
        }
        Client client = clients.byId(user.get().getClientId());
        Requester who = new Requester(client.getId(), client.getPayerId(), sender, RequestChannel.EMAIL);
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        Map<String, DataHandler> attachments = message != null && message.hasAttachments() ? message.getAttachments() : Map.of();
        boolean any = false;
        for (Map.Entry<String, DataHandler> attachment : attachments.entrySet()) {
            if (attachment.getKey().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                any = true;
                try (InputStream in = attachment.getValue().getInputStream()) {
                    bulk.take(client, who, attachment.getKey(), new String(in.readAllBytes(), StandardCharsets.UTF_8), sender);
                }
            }
        }
        if (!any) {
            bulk.take(client, who, "(email without a .csv attachment)", "", sender);
        }
    }

    private void rostersFromEmail(Exchange exchange, AppUser admin, String sender) throws IOException {
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        Map<String, DataHandler> attachments = message != null && message.hasAttachments() ? message.getAttachments() : Map.of();
        boolean any = false;
        for (Map.Entry<String, DataHandler> attachment : attachments.entrySet()) {
            String name = attachment.getKey().toLowerCase(Locale.ROOT);
            if (ROSTER_ENDINGS.stream().anyMatch(name::endsWith)) {
                any = true;
                try (InputStream in = attachment.getValue().getInputStream()) {
                    rosters.take(admin.getPayerId(), attachment.getKey(), in.readAllBytes(), sender, sender);
                }
            }
        }
        if (!any) {
            log.warn("Roster email from an HMO admin without a roster attachment ({}); ignored", ROSTER_ENDINGS);
        }
    }

    private static String senderOf(String from) {
        try {
            return from == null ? null : new InternetAddress(from).getAddress().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.AddressException e) {
            return null;
        }
    }
}
