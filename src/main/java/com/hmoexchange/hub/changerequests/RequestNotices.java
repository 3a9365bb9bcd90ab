package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.clients.Clients;
import com.hmoexchange.hub.common.PublicAddress;
import com.hmoexchange.hub.mail.Email;
import com.hmoexchange.hub.mail.Mailer;
import com.hmoexchange.hub.notifications.About;
import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import com.hmoexchange.hub.notifications.Recipient;
import com.hmoexchange.hub.web.Display;
import com.hmoexchange.hub.web.Names;
import org.springframework.stereotype.Component;

/**
 * Tells people about requests: the HMO about new ones (in-app and by email to the client's HMO
 * desk), the client about decisions (in-app for the client's users, and by email to whoever asked;
 * the client's contact address for a file sent by SFTP).
 */
@Component
class RequestNotices {

    private final Notifications notifications;
    private final Clients clients;
    private final Mailer mailer;
    private final PublicAddress hub;
    private final Display show;
    private final Names names;

    RequestNotices(Notifications notifications, Clients clients, Mailer mailer, PublicAddress hub, Display show, Names names) {
        this.notifications = notifications;
        this.clients = clients;
        this.mailer = mailer;
        this.hub = hub;
        this.show = show;
        this.names = names;
    }

    void requested(ChangeRequest request) {
        Client client = clients.byId(request.getClientId());
        String message = client.getName() + " asks: " + summary(request) + " (request " + request.getId() + ")";
        notifications.notify(Recipient.hmo(request.getPayerId()), NotificationKind.CHANGE_REQUESTED,
                About.changeRequest(request.getId()), message);
        mailer.sendAfterCommit(new Email(client.getHmoEmail(), "New change request " + request.getId() + " from " + client.getName(),
                message + ".\nAsked by " + request.getRequestedBy() + " on " + show.when(request.getRequestedAt()) + ".\n\n"
                        + "Review it: " + hub.link("/hmo/requests/" + request.getId()) + "\n"));
    }

    void bulkReceived(Client client, String fileName, int accepted, String requestedBy) {
        String message = client.getName() + " sent " + accepted + " request(s) in file " + fileName;
        notifications.notify(Recipient.hmo(client.getPayerId()), NotificationKind.CHANGE_REQUESTS_RECEIVED, message);
        mailer.sendAfterCommit(new Email(client.getHmoEmail(), "New bulk requests from " + client.getName(),
                message + ", from " + requestedBy + ".\n\nReview them: " + hub.link("/hmo/requests?status=PENDING&client="
                        + client.getCode()) + "\n"));
    }

    void decided(ChangeRequest request) {
        Client client = clients.byId(request.getClientId());
        String to = request.getChannel() == RequestChannel.SFTP ? client.getContactEmail() : request.getRequestedBy();
        String outcome = switch (request.getStatus()) {
            case APPROVED -> "approved and applied" + (request.getResultEnrolleeNumber() == null ? ""
                    : " (enrollee " + request.getResultEnrolleeNumber() + ")");
            case DECLINED -> "declined: " + request.getDecisionReason();
            default -> request.getStatus().label().toLowerCase();
        };
        String message = "Your request " + request.getId() + " (" + summary(request) + ") was " + outcome + ".";
        notifications.notify(Recipient.client(client.getId()), NotificationKind.CHANGE_REQUEST_DECIDED,
                About.changeRequest(request.getId()), message);
        mailer.sendAfterCommit(new Email(to, "Request " + request.getId() + " " + request.getStatus().label().toLowerCase(),
                message + "\nDecided by " + request.getDecidedBy() + " on " + show.when(request.getDecidedAt()) + ".\n\n"
                        + "See it: " + hub.link("/client/requests/" + request.getId()) + "\n"));
    }

    String summary(ChangeRequest r) {
        ChangeValues a = r.getAfter();
        return switch (r.getKind()) {
            case ADD_DEPENDENT -> "add " + a.relationship().label().toLowerCase() + " " + a.firstName() + " " + a.lastName()
                    + " under " + r.getEnrolleeNumber();
            case REMOVE_DEPENDENT -> "remove dependent " + r.getEnrolleeNumber();
            case EDIT_DETAILS -> "edit details of " + r.getEnrolleeNumber();
            case CHANGE_PRIMARY_PROVIDER -> "change primary provider of " + r.getEnrolleeNumber() + " to " + names.practice(a.primaryProvider());
            case REGISTER_PRINCIPAL -> "register " + a.firstName() + " " + a.lastName();
        };
    }
}
