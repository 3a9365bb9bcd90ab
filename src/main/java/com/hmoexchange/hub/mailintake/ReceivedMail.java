package com.hmoexchange.hub.mailintake;

import java.util.List;

/**
 * A mail to an intake, read within the size limits: what a flow applies. Its attachments are complete (none
 * was cut at the limit); a mail without attachments brings its text instead.
 *
 * @param from the sender addresses of its From header, lower case (normally one)
 * @param text the first plain-text part, for a mail without attachments; empty otherwise
 */
public record ReceivedMail(long heldMailId, List<String> from, String subject, List<Attachment> attachments, String text) {

    public ReceivedMail {
        from = List.copyOf(from);
        attachments = List.copyOf(attachments);
    }

    /** A mail read live from its mailbox (not one an operator accepted). */
    public static final long LIVE = 0;

    public record Attachment(String name, byte[] content) {
    }

    /** The one sender, when there is exactly one. */
    public String sender() {
        return from.size() == 1 ? from.get(0) : null;
    }

    ReceivedMail accepted(long id) {
        return new ReceivedMail(id, from, subject, attachments, text);
    }
}
