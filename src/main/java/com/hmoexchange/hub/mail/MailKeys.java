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
        // A route with mapMailMessage=false carries the mail itself, its headers unmapped.
        jakarta.mail.Message raw = mail.getBody() instanceof jakarta.mail.Message m ? m : null;
        String id = header(mail, raw, "Message-ID");
        String identity = id != null && !id.isBlank() ? id.trim()
                : "no Message-ID|" + header(mail, raw, "From") + "|" + header(mail, raw, "Date") + "|" + header(mail, raw, "Subject");
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(Message mail, jakarta.mail.Message raw, String name) {
        if (raw == null) {
            return mail.getHeader(name, "", String.class);
        }
        try {
            String[] values = raw.getHeader(name);
            return values == null || values.length == 0 ? "" : values[0];
        } catch (jakarta.mail.MessagingException unreadable) {
            return "";
        }
    }
}
