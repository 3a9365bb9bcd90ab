package com.hmoexchange.hub.mailintake;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How mails to the hub's intakes are checked ({@code hub.mail.intake}; docs/security.md#email-intake).
 *
 * @param authservId the authserv-id the hub's own mail server writes in its Authentication-Results headers
 *     (HUB_MAIL_AUTHSERV_ID); empty: no header is trusted, and every intake that requires authentication holds every mail
 * @param bulkAuthentication whether clients' (and HMO admins') mails to the bulk intake must pass DKIM and DMARC
 *     (HUB_BULK_MAIL_AUTHENTICATION: required or none)
 * @param maxAttachmentSize one attachment larger than this holds the mail unread (HUB_MAIL_MAX_ATTACHMENT_SIZE)
 * @param maxMailSize a mail larger than this is held unread, its content not kept (HUB_MAIL_MAX_MAIL_SIZE)
 */
@ConfigurationProperties("hub.mail.intake")
@Validated
public record MailIntakeSettings(@DefaultValue("") String authservId,
        @NotNull @DefaultValue("required") Authentication bulkAuthentication,
        @NotNull @DefaultValue("10MB") DataSize maxAttachmentSize,
        @NotNull @DefaultValue("25MB") DataSize maxMailSize) {

    public enum Authentication {
        REQUIRED, NONE
    }

    public MailIntakeSettings {
        if (maxAttachmentSize != null && maxAttachmentSize.toBytes() < 1 || maxMailSize != null && maxMailSize.toBytes() < 1) {
            throw new IllegalArgumentException("hub.mail.intake.max-attachment-size and max-mail-size must be larger than zero, "
                    + "e.g. 10MB (HUB_MAIL_MAX_ATTACHMENT_SIZE, HUB_MAIL_MAX_MAIL_SIZE)");
        }
    }
}
