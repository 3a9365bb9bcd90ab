package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.common.PublicAddress;
import com.hmoexchange.hub.mail.Email;
import com.hmoexchange.hub.mail.Mailer;
import com.hmoexchange.hub.notifications.About;
import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import com.hmoexchange.hub.notifications.Recipient;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.web.Display;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.Role;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tells both sides of a request at each step, in the app and by email: the HMO (its HMO_ADMIN users who have an
 * address) about new requests, reminders, answers and emergencies; the practice (its billing address and whoever
 * asked, when they sign in with an address) about decisions, questions and deemed authorisations. Emails leave
 * after the transaction commits, so a step rolled back tells no one. No member names in them: the reference only.
 */
@Component
class PreAuthNotices {

    private final Notifications notifications;
    private final Mailer mailer;
    private final AppUserRepository users;
    private final ProviderRepository providers;
    private final PublicAddress hub;
    private final Display show;

    PreAuthNotices(Notifications notifications, Mailer mailer, AppUserRepository users, ProviderRepository providers,
            PublicAddress hub, Display show) {
        this.show = show;
        this.notifications = notifications;
        this.mailer = mailer;
        this.users = users;
        this.providers = providers;
        this.hub = hub;
    }

    void toHmo(PreAuthorisation p, NotificationKind kind, String subject, String message) {
        notifications.notify(Recipient.hmo(p.getPayerId()), kind, About.preAuthorisation(p.getReference()), message);
        String body = message + "\n\nOpen the request: " + hub.link("/hmo/preauthorisations/" + p.getReference()) + "\n";
        for (AppUser u : users.findByPayerIdAndRoleOrderByUsername(p.getPayerId(), Role.HMO_ADMIN)) {
            if (u.getEmail() != null && u.isEnabled()) {
                mailer.sendAfterCommit(new Email(u.getEmail(), subject, body));
            }
        }
    }

    void toPractice(PreAuthorisation p, NotificationKind kind, String subject, String message) {
        notifications.notify(Recipient.practice(p.getProviderId()), kind, About.preAuthorisation(p.getReference()), message);
        Set<String> to = new LinkedHashSet<>();
        providers.findById(p.getProviderId()).map(Provider::getBillingEmail).ifPresent(to::add);
        users.findByUsername(p.getRequestedBy()).map(AppUser::getEmail).ifPresent(to::add);
        String body = message + "\n\nSee the request: " + hub.link("/billing/preauthorisations/" + p.getReference()) + "\n";
        to.forEach(address -> mailer.sendAfterCommit(new Email(address, subject, body)));
    }

    void requested(PreAuthorisation p, String payerName, String practiceName) {
        toHmo(p, NotificationKind.PREAUTH_REQUESTED, "Pre-authorisation " + p.getReference() + " to decide",
                practiceName + " asks " + payerName + " for a pre-authorisation code: request " + p.getReference() + " ("
                        + show.label(p.getUrgency()).toLowerCase() + ", " + p.getServices().size() + " service(s)). Decide by "
                        + show.when(p.getDueAt()) + " or it is deemed authorised and " + payerName + " is liable.");
    }

    void emergency(PreAuthorisation p, String practiceName) {
        toHmo(p, NotificationKind.PREAUTH_EMERGENCY, "Emergency treated under " + p.getCode() + ": review it",
                practiceName + " treated an emergency under the hub's code " + p.getCode() + " (request " + p.getReference()
                        + "). Review it after the fact.");
        toPractice(p, NotificationKind.PREAUTH_DECIDED, "Emergency code " + p.getCode(),
                "Emergency request " + p.getReference() + " may proceed under code " + p.getCode() + ", valid until "
                        + show.day(p.getValidUntil()) + ". The HMO reviews it after the fact.");
    }

    void reminder(PreAuthorisation p) {
        toHmo(p, NotificationKind.PREAUTH_REMINDER, "Reminder: pre-authorisation " + p.getReference() + " due at " + show.when(p.getDueAt()),
                "Request " + p.getReference() + " has no decision yet. At " + show.when(p.getDueAt())
                        + " it is deemed authorised and you are liable (NHIA one-hour rule).");
    }

    void decided(PreAuthorisation p) {
        String outcome = switch (p.getStatus()) {
            case APPROVED -> "approved under code " + p.getCode() + ", valid " + show.day(p.getValidFrom()) + " to "
                    + show.day(p.getValidUntil());
            case PARTLY_APPROVED -> "approved in part under code " + p.getCode() + ", valid " + show.day(p.getValidFrom()) + " to "
                    + show.day(p.getValidUntil()) + ": see what was approved";
            case DECLINED -> "declined: " + p.getDecisionReason();
            default -> show.label(p.getStatus()).toLowerCase();
        };
        toPractice(p, NotificationKind.PREAUTH_DECIDED, "Pre-authorisation " + p.getReference() + " "
                + show.label(p.getStatus()).toLowerCase(), "Request " + p.getReference() + " was " + outcome + ".");
    }

    void askedForMore(PreAuthorisation p) {
        toPractice(p, NotificationKind.PREAUTH_MORE_INFO_ASKED, "Pre-authorisation " + p.getReference() + ": the HMO asks for more",
                "The HMO asks about request " + p.getReference() + ": " + p.getQuestion()
                        + " Answer on the request; the HMO's clock waits for you.");
    }

    void answered(PreAuthorisation p) {
        toHmo(p, NotificationKind.PREAUTH_ANSWERED, "Pre-authorisation " + p.getReference() + " answered",
                "The practice answered your question on request " + p.getReference() + ". The clock runs again: decide by "
                        + show.when(p.getDueAt()) + ".");
    }

    void deemed(PreAuthorisation p) {
        String message = "Request " + p.getReference() + " had no decision within the limit: it is deemed authorised under "
                + "code " + p.getCode() + ", valid until " + show.day(p.getValidUntil()) + ", and the HMO is liable (NHIA one-hour rule).";
        toPractice(p, NotificationKind.PREAUTH_DEEMED_AUTHORISED, "Deemed authorised: " + p.getCode(), message);
        toHmo(p, NotificationKind.PREAUTH_DEEMED_AUTHORISED, "Deemed authorised, you are liable: " + p.getReference(), message);
    }
}
