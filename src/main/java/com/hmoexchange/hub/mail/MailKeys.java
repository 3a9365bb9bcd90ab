package com.hmoexchange.hub.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * The key by which an incoming mail is taken once (the routes' idempotent consumers). A digest of its
 * Message-ID, so any sender's header fits the repository's column; a mail without one is known by its
 * sender, date and subject. Taken raw, a long or missing Message-ID failed the mail at every poll.
 */
@Component("mailKeys")
public class MailKeys {

    public String of(Exchange exchange) {
        Message mail = exchange.getMessage();
        String id = mail.getHeader("Message-ID", String.class);
        String identity = id != null && !id.isBlank() ? id.trim()
                : "no Message-ID|" + mail.getHeader("From", "", String.class) + "|" + mail.getHeader("Date", "", String.class)
                        + "|" + mail.getHeader("Subject", "", String.class);
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
